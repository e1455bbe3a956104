import { describe, expect, it } from 'vitest';
import { resolveSystem32, resolveSystemExecutable } from '../../../electron/host/system-paths';

describe('resolveSystem32', () => {
  it('uses %SystemRoot%\\System32 on Windows', () => {
    expect(resolveSystem32({ env: { SystemRoot: 'C:\\Windows' }, platform: 'win32' })).toBe(
      'C:\\Windows\\System32',
    );
  });

  it('reads the variable case-insensitively, as Windows does', () => {
    expect(resolveSystem32({ env: { SYSTEMROOT: 'D:\\WINNT' }, platform: 'win32' })).toBe(
      'D:\\WINNT\\System32',
    );
  });

  it('uses Sysnative from a 32-bit process on 64-bit Windows', () => {
    const env = { SystemRoot: 'C:\\Windows', PROCESSOR_ARCHITECTURE: 'x86', PROCESSOR_ARCHITEW6432: 'AMD64' };
    expect(resolveSystem32({ env, platform: 'win32' })).toBe('C:\\Windows\\Sysnative');
  });

  it('never looks at PATH', () => {
    const env = { PATH: 'C:\\planted;C:\\Windows\\System32' };
    expect(resolveSystem32({ env, platform: 'win32' })).toBeNull();
  });

  it('refuses a SystemRoot that is not drive-rooted', () => {
    for (const SystemRoot of ['Windows', '\\Windows', '\\\\server\\share', '', '   ']) {
      expect(resolveSystem32({ env: { SystemRoot }, platform: 'win32' })).toBeNull();
    }
  });

  it('has no System32 off Windows', () => {
    expect(resolveSystem32({ env: { SystemRoot: 'C:\\Windows' }, platform: 'linux' })).toBeNull();
  });

  it('takes the override option (tests), whatever the environment says', () => {
    expect(
      resolveSystem32({ env: { SystemRoot: 'C:\\Windows' }, platform: 'win32', override: '/tmp/fake' }),
    ).toBe('/tmp/fake');
    expect(resolveSystem32({ env: {}, platform: 'linux', override: '/tmp/fake' })).toBe('/tmp/fake');
  });
});

describe('resolveSystemExecutable', () => {
  it('joins backslash-separated relative paths with the platform separator', () => {
    expect(resolveSystemExecutable('/tmp/sys', 'WindowsPowerShell\\v1.0\\powershell.exe')).toBe(
      '/tmp/sys/WindowsPowerShell/v1.0/powershell.exe',
    );
    expect(resolveSystemExecutable('/tmp/sys', 'klist.exe')).toBe('/tmp/sys/klist.exe');
  });
});
