import type { Parsed } from '@contract/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CertutilStoreFacts,
  type KeyStorage,
  parseCertutilStore,
} from '../../../electron/engine/parsers/parse-certutil-store';
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
  valuesRead,
} from './text-mutations';

const whfb = fixture('parsers/certutil-user-store-whfb-cert-trust-01.txt');
const smartCard = fixture('parsers/certutil-user-store-smartcard-01.txt');
const softwareMdm = fixture('parsers/certutil-user-store-software-mdm-01.txt');
const empty = fixture('parsers/certutil-user-store-empty-01.txt');
const french = fixture('parsers/certutil-user-store-fr-01.txt');
const failed = fixture('parsers/certutil-user-store-failed-01.txt');
const TEXTS = { whfb, smartCard, softwareMdm, empty, french, failed };

const CONTOSO_CA = 'CN=Contoso Issuing CA 01, DC=corp, DC=contoso, DC=com';

/** One certificate block with the given key lines, as certutil prints it. */
function block(index: number, ...keyLines: string[]): string {
  return [
    `================ Certificate ${index} ================`,
    'Serial Number: 1a2b3c',
    `Issuer: ${CONTOSO_CA}`,
    ' NotBefore: 1/1/2025 9:00 AM',
    ' NotAfter: 1/1/2026 9:00 AM',
    'Subject: CN=Test User',
    'Non-root Certificate',
    'Cert Hash(sha1): 00112233445566778899aabbccddeeff00112233',
    ...keyLines,
  ].join('\n');
}

const storageOf = (result: Parsed<CertutilStoreFacts>): KeyStorage[] =>
  result.facts.certificates.map((certificate) => certificate.keyStorage);

describe('parseCertutilStore on the fixtures', () => {
  it('finds the Windows Hello for Business certificate-trust certificate in the Hello container', () => {
    const result = parseCertutilStore(whfb);
    expect(result.recognized).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.facts.completed).toBe(true);
    expect(result.facts.failure).toBeUndefined();
    expect(result.facts.certificates).toHaveLength(1);
    const [certificate] = result.facts.certificates;
    expect(certificate).toMatchObject({
      index: 0,
      subject: 'CN=Alice Martin, OU=Staff, DC=corp, DC=contoso, DC=com',
      issuer: CONTOSO_CA,
      notAfter: '3/4/2026 9:12 AM',
      template: 'WHFBAuthentication, Windows Hello for Business Authentication',
      thumbprint: '8F2E6B1C4D7A90E3B5C2F18D6A4E7B9C0D3F5A21',
      keyContainer:
        'S-1-5-21-1004336348-1177238915-682003330-1108/7c1f0a5e-3b2d-4e8f-9a6c-2d4b8e1f7a30/login.windows.net/2b4c8d1e-5f3a-4e7b-9c6d-0a1b2c3d4e5f/alice.martin@contoso.com',
      keyStorage: 'passport',
    });
    expect(certificate?.provider).toEqual({
      value: 'Microsoft Passport Key Storage Provider',
      line: 'Provider = Microsoft Passport Key Storage Provider',
    });
    expect(certificate?.keyMissing).toBeUndefined();
    // The evidence: the whole block, from its separator to the last line before certutil's verdict.
    expect(certificate?.lines[0]).toBe('================ Certificate 0 ================');
    expect(certificate?.lines).toContain('Provider = Microsoft Passport Key Storage Provider');
    expect(certificate?.lines.at(-1)).toBe('Encryption test passed');
    expect(certificate?.lines).not.toContain('CertUtil: -store command completed successfully.');
  });

  it('tells a smart card logon certificate apart, with a thumbprint printed as spaced bytes', () => {
    const result = parseCertutilStore(smartCard);
    expect(result.recognized).toBe(true);
    expect(result.facts.certificates).toHaveLength(1);
    expect(result.facts.certificates[0]).toMatchObject({
      subject: 'CN=Bob Nguyen, OU=Admins, DC=corp, DC=contoso, DC=com',
      template: 'SmartcardLogon, Smartcard Logon',
      thumbprint: '3A9C51E207BD48F61C2E9A70D4B3658F0E2AC719',
      keyContainer: 'c0a81f3e-6d24-4b9a-8e57-1f3d9b2c6a40',
      provider: { value: 'Microsoft Base Smart Card Crypto Provider' },
      keyStorage: 'smart-card',
    });
  });

  it('reads a software-key client certificate, a TPM-bound MDM certificate and one without a key', () => {
    const result = parseCertutilStore(softwareMdm);
    expect(result.recognized).toBe(true);
    expect(result.facts.completed).toBe(true);
    expect(result.facts.certificates.map((certificate) => certificate.index)).toEqual([0, 1, 2]);
    expect(storageOf(result)).toEqual(['software', 'tpm', 'none']);
    const [client, mdm, partner] = result.facts.certificates;
    expect(client).toMatchObject({
      subject: 'E=carol.diaz@contoso.com, CN=Carol Diaz, OU=Staff, DC=corp, DC=contoso, DC=com',
      template: 'User',
      // The "Key Container =" line, not the "Simple container name:" one after it.
      keyContainer: '5f2d8c1e9a4b7e30c6d1a8f4b2e9c75d_a3c9e1f2-7b4d-4c8e-9f21-6d0b3a5e8c47',
      provider: { value: 'Microsoft Enhanced Cryptographic Provider v1.0' },
    });
    expect(mdm).toMatchObject({
      issuer: 'CN=Microsoft Intune MDM Device CA',
      subject: 'CN=9b4e2c7a-1d3f-4a8b-b6e0-5c9d2f1a7e34',
      notAfter: '2/20/2026 10:51 AM',
      provider: { value: 'Microsoft Platform Crypto Provider' },
    });
    expect(mdm?.template).toBeUndefined();
    expect(partner?.provider).toBeUndefined();
    expect(partner?.keyContainer).toBeUndefined();
    expect(partner?.keyMissing).toEqual({
      value: 'No key provider information',
      line: 'No key provider information',
    });
  });

  it('reads an empty store as no certificates, not as unreadable output', () => {
    const result = parseCertutilStore(empty);
    expect(result).toEqual({ facts: { certificates: [], completed: true }, recognized: true, problems: [] });
  });

  it('reads a French store: localized labels and separator, provider names as in English', () => {
    const result = parseCertutilStore(french);
    expect(result.recognized).toBe(true);
    expect(result.facts.completed).toBe(true);
    expect(storageOf(result)).toEqual(['passport', 'software']);
    const [hello, client] = result.facts.certificates;
    expect(hello).toMatchObject({
      index: 0,
      subject: 'CN=Camille Roux, OU=Staff, DC=corp, DC=contoso, DC=com',
      issuer: CONTOSO_CA,
      notAfter: '04/03/2026 09:12',
      template: 'WHFBAuthentication, Windows Hello for Business Authentication',
      thumbprint: '1F8A3C6E90D24B7FA5E10C932DB846F7C05E19A4',
      provider: {
        value: 'Microsoft Passport Key Storage Provider',
        line: 'Fournisseur = Microsoft Passport Key Storage Provider',
      },
    });
    expect(client).toMatchObject({
      index: 1,
      template: 'User',
      thumbprint: '7D2E91C40AB6583FE71C94A06BD2853EF910C74B',
      keyContainer: '9e1b4d7a2c5f8e30b6a1d4c7e9f2b58a_a3c9e1f2-7b4d-4c8e-9f21-6d0b3a5e8c47',
    });
  });

  it('reports certutil failing as a failure, not as an empty store', () => {
    const result = parseCertutilStore(failed);
    expect(result.recognized).toBe(true);
    expect(result.facts.certificates).toEqual([]);
    expect(result.facts.completed).toBeUndefined();
    expect(result.facts.failure).toEqual({
      value: 'CertUtil: -store command FAILED: 0x80070002 (WIN32: 2 ERROR_FILE_NOT_FOUND)',
      line: 'CertUtil: -store command FAILED: 0x80070002 (WIN32: 2 ERROR_FILE_NOT_FOUND)',
    });
  });
});

describe('parseCertutilStore key storage', () => {
  it.each<[string, KeyStorage]>([
    ['Microsoft Passport Key Storage Provider', 'passport'],
    ['Microsoft Smart Card Key Storage Provider', 'smart-card'],
    ['Microsoft Base Smart Card Crypto Provider', 'smart-card'],
    ['Contoso SmartCard KSP', 'smart-card'],
    ['Microsoft Software Key Storage Provider', 'software'],
    ['Microsoft Enhanced Cryptographic Provider v1.0', 'software'],
    ['Microsoft Enhanced RSA and AES Cryptographic Provider', 'software'],
    ['Microsoft Strong Cryptographic Provider', 'software'],
    ['Microsoft Platform Crypto Provider', 'tpm'],
    ['eToken Base Cryptographic Provider', 'unknown'],
  ])('"%s" is %s', (provider, storage) => {
    const result = parseCertutilStore(block(0, '  Key Container = abc', `  Provider = ${provider}`));
    expect(result.facts.certificates[0]?.provider?.value).toBe(provider);
    expect(storageOf(result)).toEqual([storage]);
  });

  it('says there is no key when certutil cannot find the stored keyset, whatever the provider', () => {
    const result = parseCertutilStore(
      block(
        0,
        '  Key Container = abc',
        '  Provider = Microsoft Passport Key Storage Provider',
        'Missing stored keyset',
      ),
    );
    const [certificate] = result.facts.certificates;
    expect(certificate?.keyStorage).toBe('none');
    // The provider stays: a certificate left behind by a deleted Hello container.
    expect(certificate?.provider?.value).toBe('Microsoft Passport Key Storage Provider');
    expect(certificate?.keyMissing?.line).toBe('Missing stored keyset');
  });

  it('is unknown when no key line was printed at all', () => {
    expect(storageOf(parseCertutilStore(block(4)))).toEqual(['unknown']);
  });

  it('reads the verbose (-v) key block: container then provider, the numeric fields after it ignored', () => {
    const result = parseCertutilStore(
      block(
        0,
        'CERT_KEY_PROV_INFO_PROP_ID(2):',
        '    Key Container = S-1-5-21-1-2-3-1108/0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6/login.windows.net/t/u@contoso.com',
        '    Provider = Microsoft Passport Key Storage Provider',
        '    ProviderType = 0',
        '    Flags = 0',
        '    KeySpec = 0 -- XCN_AT_NONE',
      ),
    );
    expect(result.facts.certificates[0]).toMatchObject({
      keyContainer:
        'S-1-5-21-1-2-3-1108/0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6/login.windows.net/t/u@contoso.com',
      provider: { value: 'Microsoft Passport Key Storage Provider' },
      keyStorage: 'passport',
    });
  });
});

describe('parseCertutilStore separators and verdicts', () => {
  it('keys the blocks on the run of "=" and the number, whatever the word', () => {
    const text = [
      'my "Persönlich"',
      '================ Zertifikat 0 ================',
      'Anbieter = Microsoft Software Key Storage Provider',
      '================ Certificado 1 ================',
      'Proveedor = Microsoft Passport Key Storage Provider',
      '================ Certificate 12 ================',
      'Aussteller: CN=Contoso CA',
      'Antragsteller: CN=Jonas Weber',
    ].join('\n');
    const result = parseCertutilStore(text);
    expect(result.facts.certificates.map((certificate) => certificate.index)).toEqual([0, 1, 12]);
    expect(storageOf(result)).toEqual(['software', 'passport', 'unknown']);
    expect(result.facts.certificates[2]).toMatchObject({
      issuer: 'CN=Contoso CA',
      subject: 'CN=Jonas Weber',
    });
  });

  it('does not take other "=" banners for certificates', () => {
    const text = [
      'my "Personal"',
      '================ Begin Nesting Level 1 ================',
      '==============================',
      '======== Certificate ========',
      'CertUtil: -store command completed successfully.',
    ].join('\n');
    const result = parseCertutilStore(text);
    expect(result.recognized).toBe(true);
    expect(result.facts.certificates).toEqual([]);
  });

  it('takes a localized completion line as completed, and only a -store line as the verdict', () => {
    const result = parseCertutilStore(
      [
        'CertUtil: -dump command completed successfully.',
        'CertUtil: -store Der Befehl wurde erfolgreich ausgeführt.',
      ].join('\n'),
    );
    expect(result.recognized).toBe(true);
    expect(result.facts).toEqual({ certificates: [], completed: true });
  });

  it('ignores a thumbprint line that is not 20 hex bytes', () => {
    const result = parseCertutilStore(
      block(0).replace(/Cert Hash\(sha1\): .*/, 'Cert Hash(sha1): not-a-hash'),
    );
    expect(result.facts.certificates[0]?.thumbprint).toBeUndefined();
  });
});

describe('parseCertutilStore on what is not certutil -store output', () => {
  itDoesNotRecognize(
    parseCertutilStore,
    {
      empty: '',
      blank: '  \n\n',
      words: 'hello world',
      banner: '================================',
      klist: sample('klist-02.txt'),
      dsregcmd: sample('dsregcmd-status-13.txt'),
      otherVerb: 'CertUtil: -deleteHelloContainer command completed successfully.',
    },
    { facts: { certificates: [] }, problems: 1 },
  );

  it('does not throw on a non-string', () => {
    expect(parseCertutilStore(undefined as unknown as string).recognized).toBe(false);
  });
});

describe('parseCertutilStore layout tolerance', () => {
  itReadsVariantsAlike(parseCertutilStore, TEXTS);
  itReadsVariantsAlike(parseCertutilStore, TEXTS, ALIGNMENT_VARIANTS, valuesRead);
  itIgnoresPadding(parseCertutilStore, Object.values(TEXTS));
});

describe('parseCertutilStore properties', () => {
  const STORAGE: KeyStorage[] = ['passport', 'smart-card', 'tpm', 'software', 'none', 'unknown'];

  function expectStoreShape(text: string): void {
    const result = parseCertutilStore(text);
    expectParsedShape(result);
    expect(Array.isArray(result.facts.certificates)).toBe(true);
    expectSourced(result.facts.failure, 'string');
    for (const certificate of result.facts.certificates) {
      expect(Number.isInteger(certificate.index)).toBe(true);
      expect(STORAGE).toContain(certificate.keyStorage);
      expectSourced(certificate.provider, 'string');
      expectSourced(certificate.keyMissing, 'string');
      // Every fact's line is one of the block's lines.
      if (certificate.provider) expect(certificate.lines).toContain(certificate.provider.line);
      if (certificate.thumbprint !== undefined) expect(certificate.thumbprint).toMatch(/^[0-9A-F]{40}$/);
    }
  }

  itSurvivesDamagedText(
    Object.values(TEXTS),
    [
      '================ Certificate 0 ================',
      '================',
      ' = ',
      'Provider = ',
      'Microsoft Passport Key Storage Provider',
      'Smart Card',
      'Cert Hash(sha1): ',
      'CertUtil: -store ',
      '0x80070002',
      'my "Personal"',
      'No key provider information',
    ],
    expectStoreShape,
  );

  it('reads any subset of the certificate blocks, pasted in any order, certificate by certificate', () => {
    const blocks = [whfb, smartCard, softwareMdm, french].flatMap((text) =>
      text.split(/\n(?==+ \S+ \d+ =+)/).filter((part) => /^=+ \S+ \d+ =+/.test(part)),
    );
    const alone = blocks.map((part) => parseCertutilStore(part).facts.certificates);
    fc.assert(
      fc.property(fc.array(fc.nat(blocks.length - 1), { maxLength: 8 }), (picks) => {
        const text = picks.map((pick) => blocks[pick]).join('\n');
        const expected = picks.flatMap((pick) => alone[pick] ?? []);
        expect(parseCertutilStore(text).facts.certificates).toEqual(expected);
      }),
      RUNS,
    );
  });

  it.each([
    ['a line of "="', '='.repeat(200_000)],
    ['" = " repeated', ' = '.repeat(70_000)],
    ['"=" runs around spaces', `${'= '.repeat(100_000)}1 =`],
    ['a separator with a huge middle', `================ ${'Certificate '.repeat(17_000)}0 ================`],
    ['a huge thumbprint', `Cert Hash(sha1): ${'ab '.repeat(70_000)}`],
    ['a huge provider', `Provider = Microsoft ${'Enhanced '.repeat(22_000)}Cryptographic Provider`],
    ['a huge CertUtil line', `CertUtil: -store ${'x'.repeat(200_000)}`],
    ['a huge label', `${'Subject'.repeat(30_000)}: x`],
  ])('reads a 200 KB single line (%s) quickly', (_name, line) => {
    for (const text of [line, `${block(0)}\n${line}`]) {
      const startedAt = performance.now();
      const result = parseCertutilStore(text);
      expect(performance.now() - startedAt).toBeLessThan(500);
      expectParsedShape(result);
    }
  });
});
