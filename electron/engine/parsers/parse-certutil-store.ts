import type { Parsed, Sourced } from '@contract/types';
import { PARSE_BUDGETS, parseWithin } from './parse-budget';
import { contentLines, normalizeKey, readKeyValue } from './text-lines';

/**
 * Where a certificate's private key lives, from the key provider certutil names:
 * - 'passport': Microsoft Passport Key Storage Provider, the Windows Hello for Business container
 *   (certificate-trust logon certificates and Hello RDP certificates live there);
 * - 'smart-card': a smart card provider (physical or virtual smart card);
 * - 'tpm': Microsoft Platform Crypto Provider, a TPM-bound key outside the Hello container;
 * - 'software': Microsoft's software CSPs and KSP;
 * - 'none': certutil says there is no key ("No key provider information", "Missing stored keyset");
 * - 'unknown': any other provider (third-party smart card CSPs included), or none printed.
 */
export type KeyStorage = 'passport' | 'smart-card' | 'tpm' | 'software' | 'none' | 'unknown';

export interface StoreCertificate {
  /** The number in the "================ Certificate N ================" line. */
  index: number;
  subject?: string;
  issuer?: string;
  /** As printed, e.g. "12/7/2024 6:16 AM" (in the device's locale). */
  notAfter?: string;
  /** As printed: "User", "WHFBAuthentication, Windows Hello for Business Authentication" or an OID. */
  template?: string;
  /** SHA-1 thumbprint, upper case hex without spaces. */
  thumbprint?: string;
  /** The "Provider = ..." line (its label is localized, the provider name is not). */
  provider?: Sourced<string>;
  keyContainer?: string;
  /** The line by which certutil says the key is missing, when it does. */
  keyMissing?: Sourced<string>;
  keyStorage: KeyStorage;
  /** Every line of the block, separator included: the evidence. */
  lines: string[];
}

/** Facts from `certutil -user -store my`. */
export interface CertutilStoreFacts {
  certificates: StoreCertificate[];
  /** True when certutil printed its "-store command completed successfully" line (in any language). */
  completed?: boolean;
  /** certutil's "-store command FAILED: 0x..." line. */
  failure?: Sourced<string>;
}

// Labels are localized; these are the ones known. Facts that matter (the key provider, the
// thumbprint, the blocks) are found by shape instead.
const SUBJECT_LABELS = new Set(['subject', 'objet', 'antragsteller', 'sujeto', 'soggetto', 'assunto']);
const ISSUER_LABELS = new Set([
  'issuer',
  'émetteur',
  'aussteller',
  'emisor',
  'autorità emittente',
  'emissor',
]);
const NOT_AFTER_LABELS = new Set(['notafter']);
const TEMPLATE_LABELS = new Set(['template', 'modèle', 'vorlage', 'plantilla', 'modello', 'modelo']);

const PASSPORT_PROVIDER = 'microsoft passport key storage provider';
const TPM_PROVIDER = 'microsoft platform crypto provider';
const SOFTWARE_KSP = 'microsoft software key storage provider';
// Microsoft's legacy software CSPs: "Microsoft Enhanced Cryptographic Provider v1.0", "Microsoft
// Enhanced RSA and AES Cryptographic Provider", "Microsoft Strong Cryptographic Provider", ...
const SOFTWARE_CSP = /^microsoft [a-z0-9 -]*cryptographic provider(?: v\d+\.\d+)?$/;
// "No key provider information" is printed in English on every build seen; localized builds may differ.
const NO_KEY_LINES = [/^no key provider information$/i, /^missing stored keyset$/i];
const HEX_BYTE_RUN = /^[0-9a-f]{2}(?: ?[0-9a-f]{2}){19}$/i;
const ERROR_CODE = /\b0x[0-9a-f]{8}\b/i;
const MAX_LABEL = 60;

function emptyFacts(): CertutilStoreFacts {
  return { certificates: [] };
}

export function parseCertutilStore(text: string): Parsed<CertutilStoreFacts> {
  return parseWithin(PARSE_BUDGETS.certutilStore, 'the certutil -store output', text, emptyFacts, readStore);
}

function readStore(text: string): Parsed<CertutilStoreFacts> {
  const facts = emptyFacts();
  let current: StoreCertificate | undefined;
  let sawHeader = false;
  for (const line of contentLines(text)) {
    const index = readSeparator(line);
    if (index !== undefined) {
      current = { index, keyStorage: 'unknown', lines: [line] };
      facts.certificates.push(current);
      continue;
    }
    if (readCertutilVerdict(facts, line)) {
      current = undefined;
      continue;
    }
    if (current) readCertificateLine(current, line);
    else if (isStoreHeader(line)) sawHeader = true;
  }
  for (const certificate of facts.certificates) certificate.keyStorage = keyStorageOf(certificate);
  const recognized =
    sawHeader || facts.certificates.length > 0 || facts.completed === true || facts.failure !== undefined;
  if (!recognized) {
    return { facts, recognized: false, problems: ['no certutil -store output was found in the text'] };
  }
  return { facts, recognized: true, problems: [] };
}

/**
 * "================ Certificate 3 ================" (the word is localized: Certificat,
 * Zertifikat, Certificado): runs of '=' around one word and a number. No regex: a pasted line
 * of 200 000 '=' must stay linear.
 */
function readSeparator(line: string): number | undefined {
  let start = 0;
  while (start < line.length && line[start] === '=') start++;
  let end = line.length;
  while (end > start && line[end - 1] === '=') end--;
  if (start < 3 || line.length - end < 3) return undefined;
  const words = line.slice(start, end).trim().split(/\s+/);
  if (words.length !== 2) return undefined;
  const [label = '', number = ''] = words;
  if (label.includes('=') || !/^\d{1,6}$/.test(number)) return undefined;
  return Number(number);
}

/** `my "Personal"` / `My "Personnel"`: the store name, then its localized display name in quotes. */
function isStoreHeader(line: string): boolean {
  return /^my\s+"[^"]*"$/i.test(line);
}

/**
 * "CertUtil: -store command completed successfully." / "CertUtil: -store command FAILED: 0x80070002 ...":
 * the prefix and the verb are not localized, the words are; a failure carries an HRESULT.
 */
function readCertutilVerdict(facts: CertutilStoreFacts, line: string): boolean {
  if (!/^certutil:/i.test(line)) return false;
  if (!/(?:^|\s)-store\b/i.test(line)) return false;
  if (ERROR_CODE.test(line)) {
    facts.failure ??= { value: line, line };
  } else {
    facts.completed = true;
  }
  return true;
}

function readCertificateLine(certificate: StoreCertificate, line: string): void {
  certificate.lines.push(line);
  if (NO_KEY_LINES.some((pattern) => pattern.test(line))) {
    certificate.keyMissing ??= { value: line, line };
    return;
  }
  const assignment = readAssignment(line);
  if (assignment) {
    readKeyInfo(certificate, assignment.value, line);
    return;
  }
  const pair = readKeyValue(line);
  if (!pair || pair.value === '') return;
  const label = pair.key.toLowerCase();
  if (label.endsWith('(sha1)')) {
    const hex = pair.value.trim();
    if (HEX_BYTE_RUN.test(hex)) certificate.thumbprint ??= hex.replace(/ /g, '').toUpperCase();
    return;
  }
  const key = normalizeKey(pair.key);
  if (SUBJECT_LABELS.has(label)) certificate.subject ??= pair.value;
  else if (ISSUER_LABELS.has(label)) certificate.issuer ??= pair.value;
  else if (NOT_AFTER_LABELS.has(key)) certificate.notAfter ??= pair.value;
  else if (TEMPLATE_LABELS.has(label)) certificate.template ??= pair.value;
}

/** "Key Container = ..." / "Fournisseur = ...": a short label, " = ", a value. */
function readAssignment(line: string): { label: string; value: string } | undefined {
  const at = line.indexOf('=');
  if (at <= 0 || at > MAX_LABEL) return undefined;
  const label = line.slice(0, at).trim();
  const value = line.slice(at + 1).trim();
  if (label === '' || value === '' || label.includes(':')) return undefined;
  return { label, value };
}

/**
 * The key container comes first, then the provider (also with -v, where ProviderType, Flags
 * and KeySpec follow). A provider is recognized by its name, which is never localized.
 */
function readKeyInfo(certificate: StoreCertificate, value: string, line: string): void {
  if (certificate.provider === undefined && isProviderName(value)) {
    certificate.provider = { value, line };
  } else if (certificate.provider === undefined && certificate.keyContainer === undefined) {
    certificate.keyContainer = value;
  }
}

function isProviderName(value: string): boolean {
  const name = value.toLowerCase();
  return name.includes('provider') || name.includes('smart card') || name.includes('smartcard');
}

function keyStorageOf(certificate: StoreCertificate): KeyStorage {
  if (certificate.keyMissing) return 'none';
  const name = certificate.provider?.value.toLowerCase().replace(/\s+/g, ' ');
  if (name === undefined) return 'unknown';
  if (name === PASSPORT_PROVIDER) return 'passport';
  if (name.includes('smart card') || name.includes('smartcard')) return 'smart-card';
  if (name === TPM_PROVIDER) return 'tpm';
  if (name === SOFTWARE_KSP || SOFTWARE_CSP.test(name)) return 'software';
  return 'unknown';
}
