// Expert verdicts, written by hand from Microsoft's documentation (/work/shared/VERDICTS.md and the
// "Facts" of PRODUCT.md), on captures built from real outputs: the healthy hybrid practice capture
// with single probe outputs replaced by real samples or parser fixtures, or changed by one named
// mutation (see capture-builder.ts). The expected values are the documentation's, not the engine's.

import type { Report } from '@contract/report-types';
import type { Capture, CheckId, CheckResult, FixId } from '@contract/types';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../electron/engine/diagnose';
import {
  addGroups,
  captureFrom,
  csvGroup,
  dropLine,
  fixture,
  groupsFromTable,
  pipe,
  replace,
  replaceGroup,
  sample,
  scenario,
  setValue,
  withoutTickets,
  withSection,
} from './capture-builder';

const HYBRID = scenario('healthy-hybrid');

// Credential provider CLSIDs as LogonUI stores them in LastLoggedOnProvider.
const PIN_PROVIDER = '{D6886603-9D2F-4EB2-B667-1971041FA96B}';
const SMART_CARD_PROVIDER = '{8FD7E19C-3BF7-489B-A72C-846AB3678C96}';
const FIDO_PROVIDER = '{F8A1793B-7873-4046-B2A7-1F318747F427}';

const DOMAIN_SID = 'S-1-5-21-1004336348-1177238915-682003330';
const ENABLED = 'Mandatory group, Enabled by default, Enabled group';

/** whoami /all after a key-based (PKINIT) logon: S-1-18-1, S-1-18-4, S-1-18-5 and S-1-5-65-1. */
const WHOAMI_PKINIT = sample('whoami-01.txt');
/** whoami /all run elevated: the High Mandatory Level label. */
const WHOAMI_ELEVATED = sample('whoami-03.txt');

/** The real "broken state" of klist cloud_debug: a key sign-in without the partial TGT. */
const CLOUD_DEBUG_NO_PARTIAL_TGT = sample('klist-cloud_debug-01.txt');
/**
 * The same sample for a certificate PKINIT logon at a domain controller (smart card, or a
 * certificate-trust Hello container). Mutated: AS_REP Credential Type is non-zero only for
 * tickets Microsoft Entra ID answered (FIDO2 or cloud trust), which a certificate logon is not.
 */
const CLOUD_DEBUG_CERTIFICATE_LOGON = setValue('AS_REP Credential Type', '0')(CLOUD_DEBUG_NO_PARTIAL_TGT);

/** nltest /dsgetdc when no domain controller answered (ERROR_NO_SUCH_DOMAIN). */
const NLTEST_NO_DC = { stdout: fixture('nltest-dsgetdc-failure-01.txt'), exitCode: 1 };
/** The same failure for the second query, run without /keylist (the prompt line says so). */
const NLTEST_KDC_NO_DC = { ...NLTEST_NO_DC, stdout: replace(' /keylist', '')(NLTEST_NO_DC.stdout) };

/** klist with an empty cache: no TGT for the AD domain and no service ticket obtained with it. */
const noTickets = pipe(withoutTickets('krbtgt/'), withoutTickets('cifs/'), withoutTickets('ldap/'));

/** dsregcmd of a user without a Hello container: NgcSet NO, and Windows prints no NgcKeyId then. */
const noHelloContainer = pipe(setValue('NgcSet', 'NO'), dropLine('NgcKeyId'));

const run = (capture: Capture): Report => diagnose(capture, { kind: 'capture', file: 'expert-cases' });

function checkOf(report: Report, id: CheckId): CheckResult {
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no ${id} in the report`);
  return found;
}

/** The checks that offer a fix, e.g. which ones offer to delete the Hello container. */
const offering = (report: Report, fix: FixId): CheckId[] =>
  report.checks.filter((c) => c.fixes.includes(fix)).map((c) => c.id);

/** Deleting the Hello container is offered only on proof of a certificate-trust container. */
function expectNoDeletion(report: Report): void {
  expect(offering(report, 'delete-hello-container')).toEqual([]);
}

/** Everything the headline calls broken: its root cause and the independent ones. */
const roots = (report: Report): (CheckId | null)[] => [
  report.headline.checkId,
  ...report.headline.otherRoots,
];

describe('1. smart-card sign-in on a device where the user also has Hello', () => {
  const smartCard = {
    // The certificate logon SID, copied from a real PKINIT token; no key trust identity (S-1-18-4).
    'whoami-groups': addGroups(...groupsFromTable(WHOAMI_PKINIT, 'S-1-5-65-1')),
    'klist-cloud-debug': CLOUD_DEBUG_CERTIFICATE_LOGON,
    'certutil-user-store': fixture('certutil-user-store-smartcard-01.txt'),
    'logonui-last-provider': replace(PIN_PROVIDER, SMART_CARD_PROVIDER),
  } as const;

  it('is reported as a smart-card sign-in, not as a leftover certificate-trust container to delete', () => {
    const report = run(captureFrom(HYBRID, smartCard));
    expect(checkOf(report, 'cert-trust-conflict').status).toBe('pass');
    const signin = checkOf(report, 'hello-signin');
    expect(signin.status).toBe('fail');
    expect(signin.summary).toMatch(/smart card/i);
    expect(report.sessionCredential).toBe('smart-card');
    expect(report.trustModel).toBe('none');
    expect(report.headline.checkId).toBe('hello-signin');
    expectNoDeletion(report);
  });

  it('offers no deletion when the certificate store was not captured', () => {
    const report = run(captureFrom(HYBRID, { ...smartCard, 'certutil-user-store': null }));
    const conflict = checkOf(report, 'cert-trust-conflict');
    expect(['pass', 'warn']).toContain(conflict.status);
    expect(report.trustModel).not.toBe('certificate-trust');
    expectNoDeletion(report);
  });
});

describe('2. key-trust logon on a cloud-trust device', () => {
  it('says the session used key trust and never that cloud Kerberos trust works', () => {
    const report = run(
      captureFrom(HYBRID, {
        // Key trust identity and key property MFA, copied from a real key-trust token.
        'whoami-groups': addGroups(...groupsFromTable(WHOAMI_PKINIT, 'S-1-18-4', 'S-1-18-5')),
        'klist-cloud-debug': CLOUD_DEBUG_NO_PARTIAL_TGT,
      }),
    );
    expect(report.trustModel).toBe('key-trust');
    expect(report.policyTrustModel).toBe('cloud-kerberos-trust');
    expect(report.headline.status).not.toBe('pass');
    expect(report.headline.text).not.toMatch(/cloud kerberos trust works/i);
    expect(checkOf(report, 'onprem-tgt').status).toBe('fail');
    expect(report.headline.checkId).toBe('onprem-tgt');
    expectNoDeletion(report);
  });
});

describe('3. privileged accounts', () => {
  it('names the Domain Admins membership as the cause, without a purge or lock fix', () => {
    const report = run(
      captureFrom(HYBRID, {
        'whoami-groups': addGroups(csvGroup('CONTOSO\\Domain Admins', 'Group', `${DOMAIN_SID}-512`, ENABLED)),
        // The replication policy refuses the exchange: no TGT for the AD domain, no service tickets.
        'klist-tickets': noTickets,
      }),
    );
    expect(report.headline.checkId).toBe('privileged-account');
    expect(checkOf(report, 'privileged-account').status).toBe('fail');
    const onprem = checkOf(report, 'onprem-tgt');
    expect(onprem.status).toBe('blocked');
    expect(onprem.blockedBy).toBe('privileged-account');
    const headline = checkOf(report, 'privileged-account');
    expect(headline.fixes).not.toContain('purge-tickets');
    expect(headline.fixes).not.toContain('lock-and-sign-in-with-pin');
    expect(report.trustModel).toBe('cloud-kerberos-trust');
    expectNoDeletion(report);
  });

  it('does not treat a local administrator of the workstation as privileged', () => {
    const report = run(
      captureFrom(HYBRID, {
        // The workstation's own Administrators group, deny-only in the user's unelevated token.
        'whoami-groups': addGroups(
          csvGroup('BUILTIN\\Administrators', 'Alias', 'S-1-5-32-544', 'Group used for deny only'),
        ),
      }),
    );
    expect(checkOf(report, 'privileged-account').status).toBe('pass');
    expect(checkOf(report, 'user-context').status).toBe('pass');
    expect(report.headline.status).toBe('pass');
    expect(report.trustModel).toBe('cloud-kerberos-trust');
    expectNoDeletion(report);
  });
});

describe('4. domain controller without key list support', () => {
  it('says the DCs lack key list support and does not send the user to the VPN', () => {
    const report = run(
      captureFrom(HYBRID, {
        'nltest-dsgetdc': NLTEST_NO_DC,
        // Mutated: an unpatched DC answers the query without /keylist but does not announce KEYLIST.
        'nltest-dsgetdc-kdc': replace(' KEYLIST', ''),
        'klist-tickets': noTickets,
      }),
    );
    const dc = checkOf(report, 'dc-line-of-sight');
    expect(dc.status).toBe('fail');
    expect(dc.fixes).not.toContain('connect-vpn');
    expect(dc.summary).toMatch(/key list/i);
    expect(report.headline.checkId).toBe('dc-line-of-sight');
    expect(checkOf(report, 'onprem-tgt').blockedBy).toBe('dc-line-of-sight');
    expect(report.trustModel).toBe('cloud-kerberos-trust');
    expectNoDeletion(report);
  });

  it('sends the user to the VPN when no domain controller answers at all', () => {
    const report = run(
      captureFrom(HYBRID, {
        'nltest-dsgetdc': NLTEST_NO_DC,
        'nltest-dsgetdc-kdc': NLTEST_KDC_NO_DC,
        'klist-tickets': noTickets,
      }),
    );
    const dc = checkOf(report, 'dc-line-of-sight');
    expect(dc.status).toBe('fail');
    expect(dc.fixes).toContain('connect-vpn');
    expect(report.headline.checkId).toBe('dc-line-of-sight');
    expectNoDeletion(report);
  });
});

describe('5. missing partial TGT while no domain controller is in reach', () => {
  it('reports the missing cloud ticket as its own failure, not as blocked by the DC', () => {
    const report = run(
      captureFrom(HYBRID, {
        'dsregcmd-status': pipe(
          setValue('OnPremTgt', 'NO'),
          setValue('CloudTgt', 'NO'),
          // The NGC prerequisite check reports the same fact.
          setValue('OnPremTGT', 'NO'),
        ),
        'klist-cloud-debug': CLOUD_DEBUG_NO_PARTIAL_TGT,
        'klist-tickets': noTickets,
        'nltest-dsgetdc': NLTEST_NO_DC,
        'nltest-dsgetdc-kdc': NLTEST_KDC_NO_DC,
        // Mutated to this device's DC: the real fixture names DC01.contoso.com.
        'time-offset': replace(
          'DC01.contoso.com',
          'DC01.corp.contoso.com',
        )(fixture('w32tm-stripchart-error-01.txt')),
      }),
    );
    const cloud = checkOf(report, 'cloud-tgt');
    expect(cloud.status).toBe('fail');
    expect(cloud.blockedBy).toBeNull();
    expect(roots(report)).toEqual(expect.arrayContaining(['cloud-tgt', 'dc-line-of-sight']));
    expect(checkOf(report, 'prt').status).toBe('pass');
    // No partial TGT and no exchange: the session did not use cloud trust, whatever AS_REP says.
    expect(report.trustModel).not.toBe('cloud-kerberos-trust');
    expectNoDeletion(report);
  });
});

describe('6. no Hello container', () => {
  it.each([
    ['the sign-in screen last used the PIN', {}],
    ['the sign-in screen was not read', { 'logonui-last-provider': null }],
  ] as const)(
    'never passes the Hello sign-in when NgcSet is NO, whatever klist says (%s)',
    (_name, edits) => {
      const report = run(captureFrom(HYBRID, { 'dsregcmd-status': noHelloContainer, ...edits }));
      expect(checkOf(report, 'hello-signin').status).not.toBe('pass');
      expect(checkOf(report, 'hello-provisioned').status).toBe('fail');
      expect(report.headline.checkId).toBe('hello-provisioned');
      expect(report.trustModel).toBe('none');
      expectNoDeletion(report);
    },
  );

  it('reports a FIDO2 security key sign-in as FIDO2, not as Hello', () => {
    const report = run(
      captureFrom(HYBRID, {
        'dsregcmd-status': noHelloContainer,
        'logonui-last-provider': replace(PIN_PROVIDER, FIDO_PROVIDER),
      }),
    );
    expect(report.sessionCredential).toBe('fido2');
    const signin = checkOf(report, 'hello-signin');
    expect(signin.status).toBe('fail');
    expect(signin.summary).toMatch(/FIDO2/);
    expect(signin.summary).not.toMatch(/^Signed in with Hello/i);
    expect(report.trustModel).toBe('none');
    expectNoDeletion(report);
  });
});

describe('7. Remote Desktop session on a device without a usable TPM', () => {
  it('fails the session and still shows the TPM as the reason Hello is not set up', () => {
    const report = run(
      captureFrom(HYBRID, {
        'whoami-groups': fixture('whoami-groups-csv-rdp-01.txt'),
        'dsregcmd-status': pipe(
          noHelloContainer,
          setValue('DeviceEligible', 'NO'),
          setValue('SessionIsNotRemote', 'NO'),
          setValue('PreReqResult', 'WillNotProvision'),
        ),
        // Mutated: an RDP session signed in with a password (supplied credentials).
        'klist-cloud-debug': pipe(
          setValue('Public Key Credential Present', '0'),
          setValue('Password-derived Keys Present', '1'),
          setValue('AS_REP Credential Type', '0'),
          setValue('Cloud Primary (Hybrid logon) TGT available', '0'),
        ),
      }),
    );
    expect(checkOf(report, 'user-context').status).toBe('fail');
    const provisioned = checkOf(report, 'hello-provisioned');
    expect(provisioned.status).toBe('fail');
    expect(provisioned.blockedBy).toBeNull();
    expect(provisioned.summary).toMatch(/TPM|hardware/i);
    expect(report.headline.checkId).toBe('user-context');
    expect(report.trustModel).toBe('none');
    expectNoDeletion(report);
  });
});

describe('8. clock ten minutes off the domain controller', () => {
  it('names the clock as the cause of the missing ticket, not "purge and lock"', () => {
    const report = run(
      captureFrom(HYBRID, {
        // Mutated: the real skew fixture measures -312 s against DC01.contoso.com; here -604 s
        // against this device's DC.
        'time-offset': pipe(
          replace('-312.0451234s', '-604.0451234s'),
          replace('DC01.contoso.com [10.0.0.10:123]', 'DC01.corp.contoso.com [10.20.0.10:123]'),
        )(fixture('w32tm-stripchart-skew-01.txt')),
        // Why it drifted: the real sample of a clock running on the local CMOS clock.
        'time-status': sample('w32tm-status-01.txt'),
        'klist-tickets': noTickets,
      }),
    );
    expect(report.headline.checkId).toBe('clock-skew');
    expect(checkOf(report, 'clock-skew').status).toBe('fail');
    const onprem = checkOf(report, 'onprem-tgt');
    expect(onprem.status).toBe('blocked');
    expect(onprem.blockedBy).toBe('clock-skew');
    const clock = checkOf(report, 'clock-skew');
    expect(clock.fixes).not.toContain('purge-tickets');
    expect(clock.fixes).not.toContain('lock-and-sign-in-with-pin');
    expect(report.trustModel).toBe('cloud-kerberos-trust');
    expectNoDeletion(report);
  });
});

describe("9. cloud trust written under another tenant's id", () => {
  it('fails the cloud trust policy and does not call the policy cloud Kerberos trust', () => {
    const report = run(
      captureFrom(HYBRID, {
        // The fixture's tenant id (2b4c8d1e-...) is not this device's (3f1c2b7a-...).
        'policy-mdm': fixture('registry-policy-mdm-01.txt'),
        'events-udr': replace(
          'Cloud trust for on premise auth policy is enabled: Yes',
          'Cloud trust for on premise auth policy is enabled: No',
        ),
        // Without the policy Hello fell back to key trust: the key-trust token and no partial TGT.
        'whoami-groups': addGroups(...groupsFromTable(WHOAMI_PKINIT, 'S-1-18-4', 'S-1-18-5')),
        'klist-cloud-debug': CLOUD_DEBUG_NO_PARTIAL_TGT,
      }),
    );
    expect(checkOf(report, 'cloud-trust-policy').status).toBe('fail');
    expect(report.policyTrustModel).not.toBe('cloud-kerberos-trust');
    expect(report.trustModel).toBe('key-trust');
    expect(report.headline.checkId).toBe('cloud-trust-policy');
    expectNoDeletion(report);
  });
});

describe('10. PRT state and what "works" may be said on', () => {
  it('fails an expired PRT as the root cause instead of "works, with a warning"', () => {
    const report = run(
      captureFrom(HYBRID, {
        // Mutated: last renewed 16 days before the capture (2026-11-25), so expired two days ago.
        'dsregcmd-status': pipe(
          setValue('AzureAdPrtUpdateTime', '2026-11-09 07:41:19.000 UTC'),
          setValue('AzureAdPrtExpiryTime', '2026-11-23 07:41:18.000 UTC'),
        ),
      }),
    );
    expect(checkOf(report, 'prt').status).toBe('fail');
    expect(report.headline.status).toBe('fail');
    expect(report.headline.checkId).toBe('prt');
    expect(report.headline.text).not.toMatch(/^works/i);
    expectNoDeletion(report);
  });

  it('does not pass a PRT whose last refresh failed', () => {
    // The Microsoft doc's SSO State sample (a failed acquisition, AADSTS50126), adapted to a PRT
    // that is still valid: AzureAdPrt YES with its times, and the block named as a refresh failure,
    // attempted after the last successful update.
    const refreshFailed = pipe(
      setValue('AzureAdPrt', 'YES'),
      replace(
        'AzureAdPrt : YES',
        'AzureAdPrt : YES\n      AzureAdPrtUpdateTime : 2026-11-25 07:41:19.000 UTC\n      AzureAdPrtExpiryTime : 2026-12-09 07:41:18.000 UTC',
      ),
      replace('AcquirePrtDiagnostics', 'RefreshPrtDiagnostics'),
      setValue('Previous Prt Attempt', '2026-11-25 08:55:02.417 UTC'),
    )(sample('dsregcmd-status-06.txt'));
    const report = run(captureFrom(HYBRID, { 'dsregcmd-status': withSection(refreshFailed) }));
    const prt = checkOf(report, 'prt');
    expect(prt.status).not.toBe('pass');
    expect(['warn', 'fail']).toContain(prt.status);
    expect(report.headline.status).not.toBe('pass');
    expectNoDeletion(report);
  });

  it('does not say "works" when the DC, the ticket and the sign-in could not be verified', () => {
    const report = run(
      captureFrom(HYBRID, {
        'nltest-dsgetdc': null,
        'nltest-dsgetdc-kdc': null,
        'klist-tickets': null,
        'klist-cloud-debug': null,
      }),
    );
    for (const id of ['dc-line-of-sight', 'onprem-tgt', 'hello-signin'] as const) {
      expect(checkOf(report, id).status).toBe('unknown');
    }
    expect(report.headline.status).toBe('unknown');
    expect(report.headline.unverified).toEqual(
      expect.arrayContaining(['dc-line-of-sight', 'onprem-tgt', 'hello-signin']),
    );
    expect(report.headline.text).not.toMatch(/works/i);
    // The share opened, but without the ticket cache nobody can say whether Kerberos was used.
    expect(checkOf(report, 'file-share').status).toBe('unknown');
    expectNoDeletion(report);
  });
});

describe('11. the app run elevated', () => {
  const elevated = {
    'whoami-groups': pipe(
      addGroups(csvGroup('BUILTIN\\Administrators', 'Alias', 'S-1-5-32-544', `${ENABLED}, Group owner`)),
      // The high integrity label row, copied from a real elevated token.
      replaceGroup('S-1-16-8192', groupsFromTable(WHOAMI_ELEVATED, 'S-1-16-12288')[0] ?? ''),
    ),
    'dsregcmd-status': setValue('User Context', 'ELEVATED User'),
  } as const;

  it("fails the run context and does not judge the user's Hello, PRT or policy from the admin's dsregcmd", () => {
    const report = run(captureFrom(HYBRID, elevated));
    expect(checkOf(report, 'user-context').status).toBe('fail');
    expect(report.headline.checkId).toBe('user-context');
    for (const id of ['hello-provisioned', 'prt'] as const) {
      const check = checkOf(report, id);
      expect(['unknown', 'blocked'], id).toContain(check.status);
      if (check.status === 'blocked') expect(check.blockedBy).toBe('user-context');
    }
    // whfb-policy may stand on the registry and the event, never on the elevated NGC section.
    const policy = checkOf(report, 'whfb-policy');
    expect(policy.evidence.map((e) => e.probeId)).not.toContain('dsregcmd-status');
    expect(report.trustModel).toBe('unknown');
    expect(report.sessionCredential).toBe('unknown');
    expectNoDeletion(report);
  });

  it('does not call Hello enabled when only the elevated NGC section says PolicyEnabled YES', () => {
    const report = run(
      captureFrom(HYBRID, {
        ...elevated,
        // No Hello value in the registry (tenant-wide enrollment settings write none) and no
        // provisioning event (wevtutil prints nothing): the admin's NGC section is the only source.
        'policy-mdm': replace('    UsePassportForWork    REG_DWORD    0x1\n', ''),
        'events-udr': '',
      }),
    );
    const policy = checkOf(report, 'whfb-policy');
    expect(policy.status).not.toBe('pass');
    expect(['unknown', 'blocked']).toContain(policy.status);
    expectNoDeletion(report);
  });
});

describe('12. Hello policy written for the user but not applied by Windows', () => {
  it("fails the Hello policy: Windows' PolicyEnabled NO wins over the registry", () => {
    const tenant = '3f1c2b7a-5d7e-4c1a-9f0e-2b8d6a4c1e90';
    const userKey = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Policies\\PassportForWork\\${tenant}\\${DOMAIN_SID}-1107`;
    const report = run(
      captureFrom(HYBRID, {
        // Mutated: the Hello profile assigned to users (24H2 regression) writes UsePassportForWork
        // under the user's SID, as in registry-policy-mdm-01.txt, instead of the device scope.
        'policy-mdm': pipe(
          replace('    UsePassportForWork    REG_DWORD    0x1\n', ''),
          replace(
            '    UseCloudTrustForOnPremAuth    REG_DWORD    0x1\n',
            `    UseCloudTrustForOnPremAuth    REG_DWORD    0x1\n\n${userKey}\n\n${userKey}\\Policies\n    UsePassportForWork    REG_DWORD    0x1\n`,
          ),
        ),
        'dsregcmd-status': pipe(
          setValue('PolicyEnabled', 'NO'),
          setValue('PreReqResult', 'WillNotProvision'),
        ),
      }),
    );
    expect(checkOf(report, 'whfb-policy').status).toBe('fail');
    expect(report.headline.checkId).toBe('whfb-policy');
    expect(report.policyTrustModel).toBe('cloud-kerberos-trust');
    expectNoDeletion(report);
  });
});

describe("13. Kerberos server object looked up in the device's domain, not the user's", () => {
  it('does not pass the Kerberos server object when the user is from another domain', () => {
    const report = run(
      captureFrom(HYBRID, {
        // Mutated: the user's tickets carry the client realm of the child domain EU.CONTOSO.COM.
        'klist-tickets': replace('Client: alice @ CORP.CONTOSO.COM', 'Client: alice @ EU.CONTOSO.COM'),
      }),
    );
    expect(checkOf(report, 'entra-kerberos-server').status).not.toBe('pass');
    expectNoDeletion(report);
  });
});

describe('14. nltest in French', () => {
  it.each([
    ['nltest-dsgetdc-fr-01.txt', 'DC01.corp.contoso.com'],
    ['nltest-dsgetdc-fr-02.txt', 'DC02.corp.contoso.com'],
  ])('reads the domain controller from %s', (name, dc) => {
    // Mutated: the fixtures are of a French domain (contoso.fr); the device is in contoso.com.
    const report = run(
      captureFrom(HYBRID, { 'nltest-dsgetdc': replace('contoso.fr', 'contoso.com')(fixture(name)) }),
    );
    const check = checkOf(report, 'dc-line-of-sight');
    expect(check.status).toBe('pass');
    expect(check.summary).toContain(dc);
    expectNoDeletion(report);
  });
});

describe('15. certificate-trust container left after the policy was removed', () => {
  const certificateLogon = {
    'whoami-groups': addGroups(...groupsFromTable(WHOAMI_PKINIT, 'S-1-5-65-1')),
    'klist-cloud-debug': CLOUD_DEBUG_CERTIFICATE_LOGON,
  } as const;

  it('offers to delete the Hello container only with its Passport certificate as proof', () => {
    const report = run(
      captureFrom(HYBRID, {
        ...certificateLogon,
        'certutil-user-store': fixture('certutil-user-store-whfb-cert-trust-01.txt'),
      }),
    );
    const conflict = checkOf(report, 'cert-trust-conflict');
    expect(conflict.status).toBe('fail');
    expect(offering(report, 'delete-hello-container')).toEqual(['cert-trust-conflict']);
    expect(report.trustModel).toBe('certificate-trust');
    expect(report.headline.checkId).toBe('cert-trust-conflict');
  });

  it('offers no deletion when no certificate has its key in the Hello container', () => {
    const report = run(captureFrom(HYBRID, certificateLogon));
    expect(checkOf(report, 'cert-trust-conflict').status).not.toBe('fail');
    expect(report.trustModel).not.toBe('certificate-trust');
    expectNoDeletion(report);
  });
});
