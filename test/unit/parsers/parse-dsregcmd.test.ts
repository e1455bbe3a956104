import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PrtDiagnostics, parseDsregcmd } from '../../../electron/engine/parsers/parse-dsregcmd';
import {
  ALIGNMENT_VARIANTS,
  expectParsedShape,
  expectSourced,
  fixture,
  itDoesNotRecognize,
  itIgnoresPadding,
  itReadsVariantsAlike,
  itSurvivesDamagedText,
  RUNS,
  sample,
  samples,
  valuesRead,
} from './text-mutations';

const SAMPLES = samples(
  'dsregcmd-status-01.txt',
  'dsregcmd-status-02.txt',
  'dsregcmd-status-03.txt',
  'dsregcmd-status-04.txt',
  'dsregcmd-status-05.txt',
  'dsregcmd-status-06.txt',
  'dsregcmd-status-07.txt',
  'dsregcmd-status-08.txt',
  'dsregcmd-status-09.txt',
  'dsregcmd-status-10.txt',
  'dsregcmd-status-13.txt',
  'dsregcmd-status-14.txt',
);
const refreshDiagnostics = fixture('parsers/dsregcmd-sso-refresh-diagnostics-01.txt');
/** The real samples and the hand-written fixtures. */
const TEXTS = { ...SAMPLES, 'dsregcmd-sso-refresh-diagnostics-01.txt': refreshDiagnostics };

function expectDiagnosticsShape(diagnostics: PrtDiagnostics | undefined): void {
  if (diagnostics === undefined) return;
  const { line, ...fields } = diagnostics;
  expect(typeof line).toBe('string');
  for (const value of Object.values(fields)) expectSourced(value, 'string');
}

/** Typed facts are Sourced booleans or strings, ngcPrereq too, raw fields Sourced strings. */
function expectDsregcmdShape(text: string): void {
  const result = parseDsregcmd(text);
  expectParsedShape(result);
  const { ngcPrereq, fields, acquirePrtDiagnostics, refreshPrtDiagnostics, ...typed } = result.facts;
  expectDiagnosticsShape(acquirePrtDiagnostics);
  expectDiagnosticsShape(refreshPrtDiagnostics);
  for (const value of Object.values(typed)) {
    expect(value).toBeDefined();
    expectSourced(value, ['boolean', 'string']);
  }
  for (const value of Object.values(ngcPrereq)) expectSourced(value, ['boolean', 'string']);
  for (const bySection of Object.values(fields)) {
    for (const value of Object.values(bySection)) expectSourced(value, 'string');
  }
}

describe('parseDsregcmd on real samples', () => {
  it.each(Object.entries(SAMPLES))('%s is recognized without problems', (_name, text) => {
    const result = parseDsregcmd(text);
    expect(result.recognized).toBe(true);
    expect(result.problems).toEqual([]);
  });

  it('reads dsregcmd-status-13 (Entra joined, OnPremTgt NO, WillNotProvision)', () => {
    const { facts } = parseDsregcmd(sample('dsregcmd-status-13.txt'));
    expect(facts.azureAdJoined?.value).toBe(true);
    expect(facts.enterpriseJoined?.value).toBe(false);
    expect(facts.domainJoined?.value).toBe(false);
    expect(facts.deviceName?.value).toBe('Win10-Client');
    expect(facts.deviceId?.value).toBe('6e4cbe68-588b-499c-8c04-dcfff140a1ca');
    expect(facts.tpmProtected?.value).toBe(false);
    expect(facts.tenantName?.value).toBe('INE Security Labs');
    expect(facts.tenantId).toEqual({
      value: 'd10f84e2-ba05-45c0-90b7-994f1fafa537',
      line: 'TenantId : d10f84e2-ba05-45c0-90b7-994f1fafa537',
    });
    expect(facts.ngcSet?.value).toBe(false);
    expect(facts.azureAdPrt?.value).toBe(true);
    expect(facts.azureAdPrtUpdateTime?.value).toBe('2025-03-09 11:00:27.000 UTC');
    expect(facts.onPremTgt).toEqual({ value: false, line: 'OnPremTgt : NO' });
    expect(facts.cloudTgt).toEqual({ value: true, line: 'CloudTgt : YES' });
    expect(facts.executingAccountName?.value).toBe(
      'AzureAD\\INEUser, user_d26zuvzj01@inesecuritylabs.onmicrosoft.com',
    );
    expect(facts.ngcPrereq.isDeviceJoined?.value).toBe(true);
    expect(facts.ngcPrereq.isUserAzureAD?.value).toBe(true);
    expect(facts.ngcPrereq.policyEnabled?.value).toBe(true);
    expect(facts.ngcPrereq.postLogonEnabled?.value).toBe(true);
    expect(facts.ngcPrereq.deviceEligible?.value).toBe(false);
    expect(facts.ngcPrereq.sessionIsNotRemote?.value).toBe(false);
    expect(facts.ngcPrereq.certEnrollment?.value).toBe('none');
    expect(facts.ngcPrereq.preReqResult?.value).toBe('WillNotProvision');
    expect(facts.ngcPrereq.onPremTgt).toBeUndefined();
    expect(facts.userContext).toBeUndefined();
    expect(Object.keys(facts.fields)).toEqual([
      'Device State',
      'Device Details',
      'Tenant Details',
      'User State',
      'SSO State',
      'Diagnostic Data',
      'IE Proxy Config for Current User',
      'WinHttp Default Proxy Config',
      'Ngc Prerequisite Check',
    ]);
    expect(facts.fields['Tenant Details']?.MdmUrl?.value).toBe('');
    expect(facts.fields['Diagnostic Data']?.['Last HostName Update']?.value).toBe('NONE');
  });

  it('reads dsregcmd-status-01 (prompts, SYSTEM context, wrapped WPAD line)', () => {
    const { facts } = parseDsregcmd(sample('dsregcmd-status-01.txt'));
    expect(facts.azureAdJoined?.value).toBe(false);
    expect(facts.domainJoined?.value).toBe(true);
    expect(facts.domainName?.value).toBe('RCMLAB');
    expect(facts.deviceName?.value).toBe('rcmlab-ws2022-s.rcmlab.local');
    expect(facts.userContext).toEqual({ value: 'SYSTEM', line: 'User Context : SYSTEM' });
    expect(facts.clientTime?.value).toBe('2022-11-07 15:51:42.000 UTC');
    expect(facts.azureAdPrt?.value).toBe(false);
    expect(facts.onPremTgt).toBeUndefined();
    expect(facts.ngcPrereq.preReqResult?.value).toBe('WillNotProvision');
    expect(facts.ngcPrereq.postLogonEnabled?.value).toBe(true);
    const pac = facts.fields['URL Specific Proxy Config']?.['Auto Detect PAC Status'];
    expect(pac?.value).toBe(
      'Failed to auto detect the Proxy Auto-Configuration (PAC) script using WPAD. code: 0x80072f94',
    );
    expect(pac?.line).toBe(
      'Auto Detect PAC Status : Failed to auto detect the Proxy Auto-Configuration (PAC) script using WPAD. code: 0x80072f94',
    );
    expect(facts.fields['URL Specific Proxy Config']?.['sing WPAD. code']).toBeUndefined();
    // dsregcmd prints the executing account under the URL proxy section on this build.
    expect(facts.executingAccountName?.value).toBe('RCMLAB\\RCMLAB-WS2022-S$, RCMLAB-WS2022-S$@rcmlab.local');
    expect(facts.fields['Diagnostic Data']?.['AD Configuration Test']?.value).toBe('FAIL [0x80070002]');
    expect(facts.fields['IE Proxy Config for System Account']?.['Auto-Configuration URL']?.value).toBe('');
    expect(facts.fields['IE Proxy Config for Current User']?.['Auto Detect Settings']?.value).toBe('YES');
  });

  it('reads dsregcmd-status-14 (2-space indent, UN-ELEVATED, ERROR and UNKNOWN values)', () => {
    const { facts } = parseDsregcmd(sample('dsregcmd-status-14.txt'));
    expect(facts.userContext).toEqual({ value: 'UN-ELEVATED User', line: 'User Context : UN-ELEVATED User' });
    expect(facts.domainJoined?.value).toBe(true);
    expect(facts.domainName?.value).toBe('NEKOLAB');
    expect(facts.deviceName?.value).toBe('WIN-ML8SV4QSBOG.nekolab.local');
    expect(facts.ngcSet?.value).toBe(false);
    expect(facts.fields['User State']?.WamDefaultSet?.value).toBe('ERROR (0xd0020017)');
    expect(facts.fields['Device State']?.['Virtual Desktop']?.value).toBe('NOT SET');
    expect(facts.fields['Diagnostic Data']?.['Kerberos Ticket Test']?.value).toBe('SKIPPED');
    expect(facts.fields['Ngc Prerequisite Check']?.NgcPreReq?.value).toBe('ERROR (0xd0020017)');
    // UNKNOWN is not a boolean: the typed fact stays unset, the field keeps the text.
    expect(facts.ngcPrereq.isDeviceJoined).toBeUndefined();
    expect(facts.ngcPrereq.policyEnabled).toBeUndefined();
    expect(facts.fields['Ngc Prerequisite Check']?.PolicyEnabled?.value).toBe('UNKNOWN');
    expect(facts.ngcPrereq.sessionIsNotRemote?.value).toBe(true);
    expect(facts.ngcPrereq.preReqResult?.value).toBe('WillNotProvision');
    expect(facts.executingAccountName?.value).toBe('NEKOLAB\\installer, installer');
  });

  it('reads the partial sections of the Microsoft doc (02 to 10)', () => {
    const device = parseDsregcmd(sample('dsregcmd-status-02.txt')).facts;
    expect(device.azureAdJoined?.value).toBe(true);
    expect(device.domainJoined?.value).toBe(true);
    expect(device.domainName?.value).toBe('HYBRIDADFS');

    const details = parseDsregcmd(sample('dsregcmd-status-03.txt')).facts;
    expect(details.deviceId?.value).toBe('00aa00aa-bb11-cc22-dd33-44ee44ee44ee');
    expect(details.tpmProtected?.value).toBe(false);
    expect(details.fields['Device Details']?.DeviceCertificateValidity?.value).toBe(
      '[ 2019-01-11 21:02:50.000 UTC -- 2029-01-11 21:32:50.000 UTC ]',
    );

    const tenant = parseDsregcmd(sample('dsregcmd-status-04.txt')).facts;
    expect(tenant.tenantId?.value).toBe('aaaabbbb-0000-cccc-1111-dddd2222eeee');
    expect(tenant.tenantName?.value).toBe('HybridADFS');
    expect(tenant.fields['Tenant Details']?.SettingsUrl?.value).toBe('eyJVx{lots of characters}xxxx==');

    const user = parseDsregcmd(sample('dsregcmd-status-05.txt')).facts;
    expect(user.ngcSet?.value).toBe(true);
    expect(user.fields['User State']?.WamDefaultGUID?.value).toBe(
      '{ B16898C6-A148-4967-9171-64D755DA8520 } (AzureAd)',
    );

    const sso = parseDsregcmd(sample('dsregcmd-status-06.txt')).facts;
    expect(sso.azureAdPrt?.value).toBe(false);
    expect(sso.onPremTgt).toEqual({ value: true, line: 'OnPremTgt : YES' });
    expect(sso.cloudTgt?.value).toBe(true);
    expect(sso.ngcPrereq.onPremTgt).toBeUndefined();
    expect(sso.prtErrorDescription?.value).toBe(
      'AADSTS50126: Error validating credentials due to invalid username or password.',
    );
    expect(sso.fields['SSO State']?.['Attempt Status']?.value).toBe('0xc000006d');

    const preJoin = parseDsregcmd(sample('dsregcmd-status-07.txt')).facts;
    expect(preJoin.userContext?.value).toBe('SYSTEM');
    expect(preJoin.clientTime?.value).toBe('2019-01-31 09:25:31.000 UTC');
    expect(preJoin.fields['Diagnostic Data']?.['DRS Discovery Test']?.value).toBe(
      'FAIL [0x801c0021/0x801c000c]',
    );

    const syncJoin = parseDsregcmd(sample('dsregcmd-status-08.txt')).facts;
    expect(syncJoin.fields['Diagnostic Data']?.['Server ErrorCode']?.value).toBe('DirectoryError');
    expect(syncJoin.fields['Diagnostic Data']?.['Https Status']?.value).toBe('400');

    const postJoin = parseDsregcmd(sample('dsregcmd-status-09.txt')).facts;
    expect(postJoin.fields['Diagnostic Data']?.AadRecoveryEnabled).toEqual({
      value: 'NO',
      line: 'AadRecoveryEnabled: NO',
    });
    expect(postJoin.fields['Diagnostic Data']?.KeySignTest?.value).toBe('PASSED');

    const ngc = parseDsregcmd(sample('dsregcmd-status-10.txt')).facts;
    expect(ngc.ngcPrereq.deviceEligible?.value).toBe(true);
    expect(ngc.ngcPrereq.certEnrollment?.value).toBe('enrollment authority');
    expect(ngc.ngcPrereq.preReqResult?.value).toBe('WillProvision');
    expect(ngc.fields['Ngc Prerequisite Check']?.LogonCertTemplateReady?.value).toBe('YES ( StateReady )');
  });
});

describe('parseDsregcmd PRT state', () => {
  it('reads the failed PRT acquisition of dsregcmd-status-06 field by field', () => {
    const { facts } = parseDsregcmd(sample('dsregcmd-status-06.txt'));
    expect(facts.acquirePrtDiagnostics).toEqual({
      line: 'AcquirePrtDiagnostics : PRESENT',
      previousAttempt: {
        value: '2020-07-18 20:10:33.789 UTC',
        line: 'Previous Prt Attempt : 2020-07-18 20:10:33.789 UTC',
      },
      attemptStatus: { value: '0xc000006d', line: 'Attempt Status : 0xc000006d' },
      userIdentity: { value: 'john@contoso.com', line: 'User Identity : john@contoso.com' },
      credentialType: { value: 'Password', line: 'Credential Type : Password' },
      correlationId: {
        value: 'aaaa0000-bb11-2222-33cc-444444dddddd',
        line: 'Correlation ID : aaaa0000-bb11-2222-33cc-444444dddddd',
      },
      endpointUri: {
        value: 'https://login.microsoftonline.com/aaaabbbb-0000-cccc-1111-dddd2222eeee/oauth2/token/',
        line: 'Endpoint URI : https://login.microsoftonline.com/aaaabbbb-0000-cccc-1111-dddd2222eeee/oauth2/token/',
      },
      httpMethod: { value: 'POST', line: 'HTTP Method : POST' },
      httpError: { value: '0x0', line: 'HTTP Error : 0x0' },
      httpStatus: { value: '400', line: 'HTTP status : 400' },
      serverErrorCode: { value: 'invalid_grant', line: 'Server Error Code : invalid_grant' },
      serverErrorDescription: {
        value: 'AADSTS50126: Error validating credentials due to invalid username or password.',
        line: 'Server Error Description : AADSTS50126: Error validating credentials due to invalid username or password.',
      },
    });
    expect(facts.refreshPrtDiagnostics).toBeUndefined();
    // The fields after the block (EnterprisePrt, OnPremTgt) are not part of it.
    expect(facts.onPremTgt?.value).toBe(true);
    expect(facts.azureAdPrtExpiryTime).toBeUndefined();
  });

  it('reads the PRT expiry time of dsregcmd-status-13, which has no failed attempt', () => {
    const { facts } = parseDsregcmd(sample('dsregcmd-status-13.txt'));
    expect(facts.azureAdPrtExpiryTime).toEqual({
      value: '2025-03-23 11:01:41.000 UTC',
      line: 'AzureAdPrtExpiryTime : 2025-03-23 11:01:41.000 UTC',
    });
    expect(facts.acquirePrtDiagnostics).toBeUndefined();
    expect(facts.refreshPrtDiagnostics).toBeUndefined();
    expect(facts.prtErrorDescription).toBeUndefined();
  });

  it('reads CanReset from the User State of dsregcmd-status-05', () => {
    const { facts } = parseDsregcmd(sample('dsregcmd-status-05.txt'));
    expect(facts.canReset).toEqual({
      value: 'DestructiveAndNonDestructive',
      line: 'CanReset : DestructiveAndNonDestructive',
    });
  });

  it('reads a failed renewal while the PRT is still there (RefreshPrtDiagnostics with AzureAdPrt YES)', () => {
    const result = parseDsregcmd(refreshDiagnostics);
    expect(result.recognized).toBe(true);
    expect(result.problems).toEqual([]);
    const { facts } = result;
    expect(facts.azureAdPrt?.value).toBe(true);
    expect(facts.azureAdPrtUpdateTime?.value).toBe('2025-06-02 07:58:41.000 UTC');
    expect(facts.azureAdPrtExpiryTime?.value).toBe('2025-06-16 07:58:40.000 UTC');
    expect(facts.canReset?.value).toBe('NonDestructiveOnly');
    expect(facts.acquirePrtDiagnostics).toBeUndefined();
    expect(facts.refreshPrtDiagnostics).toMatchObject({
      line: 'RefreshPrtDiagnostics : PRESENT',
      previousAttempt: { value: '2025-06-02 12:03:17.412 UTC' },
      attemptStatus: { value: '0xc000006d' },
      credentialType: { value: 'Password' },
      httpError: { value: '0x0' },
      httpStatus: { value: '400', line: 'HTTP status : 400' },
      serverErrorCode: { value: 'invalid_grant' },
      serverErrorDescription: {
        value:
          'AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password.',
      },
    });
    expect(facts.prtErrorDescription?.value).toMatch(/^AADSTS50173: /);
    expect(facts.onPremTgt?.value).toBe(true);
    expect(facts.cloudTgt?.value).toBe(true);
  });

  const sso = (...lines: string[]): string => ['| SSO State |', ...lines].join('\n');

  it('reads both blocks when both are shown, each with its own fields', () => {
    const { facts } = parseDsregcmd(
      sso(
        'AzureAdPrt : NO',
        'AcquirePrtDiagnostics : PRESENT',
        'Attempt Status : 0xc000006d',
        'Server Error Code : invalid_grant',
        'RefreshPrtDiagnostics : PRESENT',
        'Attempt Status : 0x80072ee7',
        'HTTP Error : 0x80072ee7',
        'EnterprisePrt : NO',
      ),
    );
    expect(facts.acquirePrtDiagnostics).toEqual({
      line: 'AcquirePrtDiagnostics : PRESENT',
      attemptStatus: { value: '0xc000006d', line: 'Attempt Status : 0xc000006d' },
      serverErrorCode: { value: 'invalid_grant', line: 'Server Error Code : invalid_grant' },
    });
    expect(facts.refreshPrtDiagnostics).toEqual({
      line: 'RefreshPrtDiagnostics : PRESENT',
      attemptStatus: { value: '0x80072ee7', line: 'Attempt Status : 0x80072ee7' },
      httpError: { value: '0x80072ee7', line: 'HTTP Error : 0x80072ee7' },
    });
  });

  it('ends a block at the first field that is not a diagnostics field', () => {
    const { facts } = parseDsregcmd(
      sso('AcquirePrtDiagnostics : PRESENT', 'Attempt Status : 0x1', 'OnPremTgt : YES', 'HTTP status : 500'),
    );
    expect(facts.acquirePrtDiagnostics).toEqual({
      line: 'AcquirePrtDiagnostics : PRESENT',
      attemptStatus: { value: '0x1', line: 'Attempt Status : 0x1' },
    });
  });

  it("leaves the enterprise PRT's diagnostics (after EnterprisePrt) out of the Microsoft Entra PRT's", () => {
    const { facts } = parseDsregcmd(
      sso(
        'AzureAdPrt : YES',
        'EnterprisePrt : NO',
        'AcquirePrtDiagnostics : PRESENT',
        'Attempt Status : 0xc000006d',
      ),
    );
    expect(facts.acquirePrtDiagnostics).toBeUndefined();
    expect(facts.fields['SSO State']?.AcquirePrtDiagnostics?.value).toBe('PRESENT');
  });

  it('reads a block pasted alone, without its section title', () => {
    const { facts, recognized } = parseDsregcmd(
      'RefreshPrtDiagnostics : PRESENT\nPrevious Prt Attempt : 2025-06-02 12:03:17.412 UTC\n',
    );
    expect(recognized).toBe(true);
    expect(facts.refreshPrtDiagnostics?.previousAttempt?.value).toBe('2025-06-02 12:03:17.412 UTC');
  });

  it('does not read diagnostics-like fields of other sections as a PRT attempt', () => {
    const { facts } = parseDsregcmd(
      ['| Diagnostic Data |', 'AcquirePrtDiagnostics : PRESENT', 'Attempt Status : 0x1'].join('\n'),
    );
    expect(facts.acquirePrtDiagnostics).toBeUndefined();
  });
});

describe('parseDsregcmd field names and sections', () => {
  const ngcSection = (field: string) =>
    [
      '+----------------------------------------------------------------------+',
      '| Ngc Prerequisite Check                                               |',
      '+----------------------------------------------------------------------+',
      '',
      '            IsDeviceJoined : YES',
      '             IsUserAzureAD : YES',
      '             PolicyEnabled : YES',
      '          PostLogonEnabled : YES',
      '            DeviceEligible : YES',
      '        SessionIsNotRemote : YES',
      '            CertEnrollment : none',
      field,
      '              PreReqResult : WillProvision',
    ].join('\n');

  it('reads OnPremTGT (Windows 11 23H2+) in the Ngc check as ngcPrereq.onPremTgt', () => {
    const { facts } = parseDsregcmd(ngcSection('                 OnPremTGT : YES'));
    expect(facts.ngcPrereq.onPremTgt).toEqual({ value: true, line: 'OnPremTGT : YES' });
    expect(facts.onPremTgt).toBeUndefined();
    expect(facts.cloudTgt).toBeUndefined();
  });

  it('reads CloudTGT (before 23H2) in the Ngc check as the same fact', () => {
    const { facts } = parseDsregcmd(ngcSection('                  CloudTGT : NO'));
    expect(facts.ngcPrereq.onPremTgt).toEqual({ value: false, line: 'CloudTGT : NO' });
    expect(facts.cloudTgt).toBeUndefined();
    expect(facts.onPremTgt).toBeUndefined();
  });

  it('keeps SSO State OnPremTgt/CloudTgt apart from the Ngc check in one output', () => {
    const text = [
      '| SSO State |',
      'OnPremTgt : NO',
      'CloudTgt : YES',
      '| Ngc Prerequisite Check |',
      'CloudTGT : YES',
    ].join('\n');
    const { facts } = parseDsregcmd(text);
    expect(facts.onPremTgt?.value).toBe(false);
    expect(facts.cloudTgt?.value).toBe(true);
    expect(facts.ngcPrereq.onPremTgt?.value).toBe(true);
  });

  it('fills facts by field name when no section title was pasted', () => {
    const text = 'AzureAdJoined : YES\nOnPremTgt : YES\nCloudTgt : NO\nPreReqResult : WillProvision\n';
    const result = parseDsregcmd(text);
    expect(result.recognized).toBe(true);
    expect(result.facts.azureAdJoined?.value).toBe(true);
    expect(result.facts.onPremTgt?.value).toBe(true);
    expect(result.facts.cloudTgt?.value).toBe(false);
    expect(result.facts.ngcPrereq.preReqResult?.value).toBe('WillProvision');
    expect(result.facts.fields['']?.OnPremTgt?.value).toBe('YES');
  });

  it('matches keys tolerantly (case, spaces, dashes)', () => {
    const { facts } = parseDsregcmd('azure ad joined: yes\nDeviceName : PC1\nuser-context : SYSTEM');
    expect(facts.azureAdJoined?.value).toBe(true);
    expect(facts.deviceName?.value).toBe('PC1');
    expect(facts.userContext?.value).toBe('SYSTEM');
  });

  it('leaves a typed text fact unset when its value is empty', () => {
    const { facts } = parseDsregcmd('| Tenant Details |\nTenantName :\nTenantId : abc\n');
    expect(facts.tenantName).toBeUndefined();
    expect(facts.tenantId?.value).toBe('abc');
    expect(facts.fields['Tenant Details']?.TenantName?.value).toBe('');
  });

  it('reports lines it could not read but keeps the rest', () => {
    const result = parseDsregcmd('| Device State |\nAzureAdJoined : YES\nsomething odd\n');
    expect(result.recognized).toBe(true);
    expect(result.problems).toEqual(['Line not understood: "something odd"']);
  });

  it('keeps "__proto__" and "constructor" as plain field names', () => {
    const result = parseDsregcmd('| __proto__ |\nconstructor : YES\n__proto__ : x\nDomainJoined : NO');
    expect(result.facts.domainJoined?.value).toBe(false);
    expect(Object.hasOwn(result.facts.fields, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });
});

describe('parseDsregcmd on unreadable input', () => {
  itDoesNotRecognize(
    parseDsregcmd,
    ['', '   \n\n', 'hello world', 'foo: bar\nbaz: qux', 'PS C:\\> dsregcmd /status', '\u0000\uFFFF'],
    { facts: { ngcPrereq: {}, fields: {} }, problems: 1 },
  );

  it('does not throw on a non-string', () => {
    const result = parseDsregcmd(undefined as unknown as string);
    expect(result.recognized).toBe(false);
  });
});

describe('parseDsregcmd layout tolerance', () => {
  itReadsVariantsAlike(parseDsregcmd, TEXTS);
  itReadsVariantsAlike(parseDsregcmd, TEXTS, ALIGNMENT_VARIANTS, valuesRead);
  itIgnoresPadding(parseDsregcmd, Object.values(TEXTS));
});

describe('parseDsregcmd properties', () => {
  itSurvivesDamagedText(
    Object.values(TEXTS),
    [
      '\n',
      '\r\n',
      ' : ',
      ': ',
      '|',
      '+----+',
      'YES',
      'OnPremTgt',
      'Ngc Prerequisite Check',
      'AcquirePrtDiagnostics : PRESENT',
      'RefreshPrtDiagnostics : PRESENT',
      'Attempt Status : ',
      'EnterprisePrt : NO',
      '| SSO State |',
    ],
    expectDsregcmdShape,
  );

  it('keeps each diagnostics field inside its block: a field moved out of it is no longer read', () => {
    const lines = sample('dsregcmd-status-06.txt').split('\n');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: lines.length - 1 }), (at) => {
        // Move the Attempt Status line to another place: inside the block it still counts.
        const moved = lines.filter((line) => !line.includes('Attempt Status'));
        moved.splice(at, 0, '            Attempt Status : 0xc000006d');
        const { facts } = parseDsregcmd(moved.join('\n'));
        const header = moved.findIndex((line) => line.includes('AcquirePrtDiagnostics'));
        const end = moved.findIndex((line) => line.includes('EnterprisePrt :'));
        const inside = at > header && at < end;
        expect(facts.acquirePrtDiagnostics?.attemptStatus?.value).toBe(inside ? '0xc000006d' : undefined);
      }),
      RUNS,
    );
  });

  it.each([
    ['" : " repeated', ' : '.repeat(70_000)],
    ['a huge diagnostics value', `Server Error Description : ${'AADSTS50126 '.repeat(17_000)}`],
    ['a line of "+" and "-"', `+${'-'.repeat(200_000)}+`],
  ])('reads a 200 KB single line (%s) quickly', (_name, line) => {
    const text = `| SSO State |\nAcquirePrtDiagnostics : PRESENT\n${line}\nOnPremTgt : YES`;
    const startedAt = performance.now();
    expectDsregcmdShape(text);
    expect(performance.now() - startedAt).toBeLessThan(500);
  });
});
