import { describe, expect, it } from 'vitest';
import { runChecklist } from '../../../electron/engine/checklist/run-checklist';
import {
  checkEntraKerberosKeys,
  keyMaxAgeDays,
} from '../../../electron/engine/checks/check-entra-kerberos-keys';
import {
  at,
  type Edit,
  factsFor,
  failProbe,
  fixesOf,
  fixture,
  replaceText,
  setOutput,
  showsLine,
  withInputs,
} from './evidence-helpers';

// "The important thing to verify is that the KeyVersion ... and the CloudKeyVersion ... are the
// same" [L6]; the rotation age is a policy choice. The admin pastes Get-AzureADKerberosServer;
// it is not collected on the device (the full matrix is in test/unit/engine/).

/** The real 2021 sample, moved to this device's domain (corp.contoso.com). */
const PASTE = fixture('samples/get-azureadkerberosserver-04.txt').replace(
  /ad\.cloud-architekt\.net/g,
  'corp.contoso.com',
);
const pasted = (text = PASTE): Edit =>
  setOutput('entra-kerberos-server-admin', text, ['Get-AzureADKerberosServer']);
const WEEK_AFTER_KEY = '2021-04-30T00:00:00Z';
const judge = (edit: Edit, now = WEEK_AFTER_KEY) =>
  checkEntraKerberosKeys.evaluate(at(factsFor('healthy-hybrid', edit), now));

describe('entra-kerberos-keys', () => {
  it('skips when nothing was pasted: it is an admin-side input, never a reason to fail', () => {
    const outcome = checkEntraKerberosKeys.evaluate(factsFor('healthy-hybrid'));
    expect(outcome.status).toBe('skip');
    expect(outcome.summary).toMatch(/^Paste the output of Get-AzureADKerberosServer/);
  });

  it('passes matching key versions with the age of the key', () => {
    const outcome = judge(pasted());
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toBe(
      'The Kerberos server keys of corp.contoso.com are in sync (version 1585708 in AD and Entra ID); the key is 6 days old.',
    );
    expect(showsLine(outcome, 'KeyVersion         : 1585708')).toBe(true);
    expect(showsLine(outcome, 'CloudKeyVersion    : 1585708')).toBe(true);
  });

  it('fails different key versions: DCs reject the tickets Entra ID signs, so rotate', () => {
    const outcome = judge(
      pasted(PASTE.replace('CloudKeyVersion    : 1585708', 'CloudKeyVersion    : 1585709')),
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/out of sync: AD has key version 1585708, Entra ID 1585709/);
    expect(fixesOf(outcome)).toEqual(['rotate-entra-kerberos-key']);
  });

  it('warns an old key in sync, with the age limit from the inputs', () => {
    const set = factsFor('healthy-hybrid', pasted());
    const outcome = checkEntraKerberosKeys.evaluate(set);
    expect(outcome.status).toBe('warn');
    expect(outcome.summary).toMatch(/last rotated \d+ days ago \(more than 180\)/);
    expect(fixesOf(outcome)).toEqual(['rotate-entra-kerberos-key']);
    const lenient = checkEntraKerberosKeys.evaluate(withInputs(set, { keyMaxAgeDays: 5000 }));
    expect(lenient.status).toBe('pass');
    expect(keyMaxAgeDays({ keyMaxAgeDays: 0 })).toBe(180);
  });

  it('fails when the command printed no object, and offers to create it', () => {
    const outcome = judge(pasted('Get-AzureADKerberosServer -Domain corp.contoso.com\n\n'));
    expect(outcome.status).toBe('fail');
    expect(fixesOf(outcome)).toEqual(['create-entra-kerberos-server']);
  });

  it.each([
    [
      'neither half',
      ['KeyVersion         : 1585708', 'CloudKeyVersion    : 1585708'],
      /neither AD nor Entra ID holds its key/,
    ],
    ['the Entra half', ['CloudKeyVersion    : 1585708'], /it exists in AD but not in Entra ID/],
    ['the AD half', ['KeyVersion         : 1585708'], /it exists in Entra ID but not in AD/],
  ])('fails an object missing %s, and offers to create it', (_half, emptied, words) => {
    const text = emptied.reduce((out, line) => out.replace(line, `${line.split(':')[0]}:`), PASTE);
    const outcome = judge(pasted(text));
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(words);
    expect(fixesOf(outcome)).toEqual(['create-entra-kerberos-server']);
  });

  it("says unknown, not fail, when every pasted object is for another domain than the user's", () => {
    const bad = PASTE.replace(/corp\.contoso\.com/g, 'eu.contoso.com').replace(
      'CloudKeyVersion    : 1585708',
      'CloudKeyVersion    : 1585709',
    );
    const good = PASTE.replace(/corp\.contoso\.com/g, 'us.contoso.com');
    for (const text of [`${bad}\n\n${good}`, `${good}\n\n${bad}`]) {
      const outcome = judge(pasted(text));
      // Another domain's keys say nothing about the keys that sign this user's tickets.
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(
        /^The pasted output is for (eu|us)\.contoso\.com, (us|eu)\.contoso\.com, not corp\.contoso\.com/,
      );
      expect(outcome.fixes ?? []).toEqual([]);
    }
  });

  it('says "1 day old" for a key set yesterday', () => {
    expect(judge(pasted(), '2021-04-24T12:00:00Z').summary).toMatch(/the key is 1 day old\.$/);
  });

  describe('unknown', () => {
    it('when the paste is not Get-AzureADKerberosServer output', () => {
      const outcome = judge(pasted('PS C:\\> whoami\ncontoso\\admin\n'));
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/could not be read/);
    });

    it('when the cmdlet failed', () => {
      const outcome = judge(
        pasted('Get-AzureADKerberosServer : Failed to connect to domain corp.contoso.com.'),
      );
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/failed, so the server keys can't be checked/);
    });

    it('when a version is missing from the paste', () => {
      const outcome = judge(pasted(PASTE.slice(0, PASTE.indexOf('CloudKeyVersion'))));
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/CloudKeyVersion is missing or unreadable/);
    });

    it('when the paste could not be read', () => {
      const outcome = judge(failProbe('entra-kerberos-server-admin', 'not-found'));
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/^Can't tell whether the Kerberos server keys are in sync/);
    });
  });

  it('blocks the full ticket when the keys differ and no ticket came', () => {
    const mismatch = pasted(PASTE.replace('CloudKeyVersion    : 1585708', 'CloudKeyVersion    : 1585709'));
    // The clock-skew capture has no domain ticket; its clock is put right, so only the keys are wrong.
    const clockRight = replaceText('time-offset', '-612.4418750s', '+00.0123456s');
    const results = runChecklist(at(factsFor('clock-skew', mismatch, clockRight), WEEK_AFTER_KEY));
    expect(results.find((r) => r.id === 'entra-kerberos-keys')?.status).toBe('fail');
    expect(results.find((r) => r.id === 'onprem-tgt')).toMatchObject({
      status: 'blocked',
      blockedBy: 'entra-kerberos-keys',
    });
  });
});
