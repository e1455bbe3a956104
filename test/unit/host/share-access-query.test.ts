import { describe, expect, it } from 'vitest';
import { parseShareAccess } from '../../../electron/engine/parsers/parse-share-access';
import { buildShareAccessScript, shareAccessArgs } from '../../../electron/engine/probes/share-access-query';
import { collectProbeOutputs } from '../../../electron/host/collect-probe-outputs';
import type { CommandRequest } from '../../../electron/host/command-funnel';
import { HOSTILE_UNC_PATHS } from '../../fixtures/hostile-unc-paths';

const decode = (base64: string) => Buffer.from(base64, 'base64').toString('utf16le');

describe('share-access probe', () => {
  it('puts the validated path into the script once, as a single-quoted literal', () => {
    const script = buildShareAccessScript('  \\\\fs01.corp.contoso.com\\Finance\\Q4 ');
    expect(script).toContain("$path = '\\\\fs01.corp.contoso.com\\Finance\\Q4'");
    expect(script?.split('fs01.corp.contoso.com')).toHaveLength(2);
  });

  it('passes the script as -EncodedCommand, never as command text', () => {
    const args = shareAccessArgs({ share: '\\\\fs01\\finance' });
    expect(args?.slice(0, 5)).toEqual([
      '-NoProfile',
      '-NonInteractive',
      '-ExecutionPolicy',
      'Bypass',
      '-EncodedCommand',
    ]);
    expect(decode(args?.[5] ?? '')).toContain("$path = '\\\\fs01\\finance'");
  });

  it('has no args without a share', () => {
    expect(shareAccessArgs({})).toBeNull();
  });

  it.each(HOSTILE_UNC_PATHS.map((path) => [JSON.stringify(path), path]))(
    'refuses %s before any process starts',
    async (_label, share) => {
      expect(shareAccessArgs({ share })).toBeNull();
      const calls: CommandRequest[] = [];
      const outputs = await collectProbeOutputs({
        system32: '/nowhere/System32',
        codePage: 437,
        probes: ['share-access'],
        inputs: { share },
        runner: async (request) => {
          calls.push(request);
          return { command: [], exitCode: 0, stdout: '', stderr: '', durationMs: 0, error: null };
        },
      });
      expect(calls).toEqual([]);
      expect(outputs['share-access']?.error).toBe('skipped: no file share path given');
    },
  );

  it('prints what the share-access parser reads', () => {
    // The script's output shape, as ConvertTo-Json -Compress writes it.
    const line =
      '{"path":"\\\\\\\\fs01\\\\finance","listed":false,"entries":null,"failure":"logon-failure","message":"The user name or password is incorrect."}';
    expect(parseShareAccess(line).facts).toMatchObject({
      path: '\\\\fs01\\finance',
      listed: false,
      failure: 'logon-failure',
    });
  });
});
