// Recognisers for identifiers by their shape. Each one walks its input once, without regular
// expressions, so hostile text cannot make redaction slow.

const isDigitCode = (c: number) => c >= 48 && c <= 57;
const isHexCode = (c: number) => isDigitCode(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
const isLetterCode = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

export function isHexDigit(c: string | undefined): boolean {
  return c !== undefined && c.length === 1 && isHexCode(c.charCodeAt(0));
}

/** 8-4-4-4-12 hex digits, as dsregcmd, the registry and events print GUIDs (without braces). */
export function isGuid(text: string): boolean {
  if (text.length !== 36) return false;
  for (let i = 0; i < 36; i += 1) {
    const c = text.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 45) return false;
    } else if (!isHexCode(c)) return false;
  }
  return true;
}

/** The numbers of a SID after "S-1-" (authority, then sub-authorities), or undefined when it is not one. */
export function sidNumbers(text: string): string[] | undefined {
  if (text.length < 5 || (text[0] !== 'S' && text[0] !== 's') || !text.startsWith('-1-', 1)) return undefined;
  const parts = text.slice(4).split('-');
  if (parts.length < 1 || parts.length > 16) return undefined;
  for (const part of parts) {
    if (part.length === 0 || part.length > 15) return undefined;
    for (let i = 0; i < part.length; i += 1) if (!isDigitCode(part.charCodeAt(i))) return undefined;
  }
  return parts;
}

/** Four decimal octets 0-255. */
export function isIpv4(text: string): boolean {
  const parts = text.split('.');
  if (parts.length !== 4) return false;
  return parts.every((part) => {
    if (part.length === 0 || part.length > 3) return false;
    for (let i = 0; i < part.length; i += 1) if (!isDigitCode(part.charCodeAt(i))) return false;
    return Number(part) <= 255;
  });
}

/**
 * An IPv6 address: hex groups of 1-4 digits separated by colons, eight of them or fewer with
 * one "::", the last two groups possibly an IPv4 address (::ffff:10.0.0.12).
 */
export function isIpv6(text: string): boolean {
  if (text.length < 2 || text.length > 45) return false;
  const double = text.indexOf('::');
  if (double >= 0 && text.indexOf('::', double + 1) >= 0) return false;
  const groups = text.split(':');
  let count = 0;
  for (let i = 0; i < groups.length; i += 1) {
    const group = groups[i] as string;
    if (group === '') continue;
    if (i === groups.length - 1 && group.includes('.')) {
      if (!isIpv4(group)) return false;
      count += 2;
      continue;
    }
    if (group.length > 4) return false;
    for (let j = 0; j < group.length; j += 1) if (!isHexCode(group.charCodeAt(j))) return false;
    count += 1;
  }
  const emptyEnds = (text.startsWith(':') ? 1 : 0) + (text.endsWith(':') ? 1 : 0);
  if (double < 0) return count === 8 && emptyEnds === 0 && groups.length === 8;
  // "::" stands for at least one group; a single colon may not start or end the text.
  if (text.startsWith(':') && !text.startsWith('::')) return false;
  if (text.endsWith(':') && !text.endsWith('::')) return false;
  return count <= 7;
}

/**
 * A run of hex digits long enough to be a thumbprint, hash, serial number or key, with at
 * least one digit and one letter (runs of digits only are counters and file times).
 */
export function isHexRun(text: string): boolean {
  if (text.length < 16) return false;
  let digit = false;
  let letter = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (!isHexCode(c)) return false;
    if (isDigitCode(c)) digit = true;
    else letter = true;
  }
  return digit && letter;
}

/** The labels of a DNS name (letters, digits and inner hyphens, at least two labels), else undefined. */
export function dnsLabels(text: string): string[] | undefined {
  if (text.length > 253) return undefined;
  const labels = text.split('.');
  if (labels.length < 2) return undefined;
  for (const label of labels) {
    if (label.length === 0 || label.length > 63 || label.startsWith('-') || label.endsWith('-'))
      return undefined;
    for (let i = 0; i < label.length; i += 1) {
      const c = label.charCodeAt(i);
      if (!isLetterCode(c) && !isDigitCode(c) && c !== 45) return undefined;
    }
  }
  return labels;
}

/** True when the text has letters and none of them is lower case (CORP.CONTOSO.COM, DC01). */
export function isUpperCase(text: string): boolean {
  let upper = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) upper = true;
  }
  return upper;
}

/** Letters, digits and the characters account, host and domain names use. */
export function isNameChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (isLetterCode(code) || isDigitCode(code)) return true;
  if (c === '.' || c === '-' || c === '_' || c === '$') return true;
  return code >= 0xc0 && /[\p{L}\p{N}]/u.test(c);
}
