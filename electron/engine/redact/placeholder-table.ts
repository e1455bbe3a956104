// One placeholder per identifying value, handed out in the order values are met, so the same
// value reads the same everywhere (alice is user-1 in every output, line and summary).
// Placeholders keep the shape the parsers expect: GUIDs stay GUIDs, SIDs stay SIDs with the
// relative ids that matter, IP addresses come from the documentation ranges, DNS domains end
// in the reserved .example, thumbprints stay hex of the same length.
import { isUpperCase } from './identifier-shapes';
import { STOP_WORDS } from './keep-lists';

/** What a placeholder stands for; the counts say how many of each a redaction replaced. */
export type PlaceholderKind =
  | 'user'
  | 'host'
  | 'domain'
  | 'tenant'
  | 'name'
  | 'org'
  | 'site'
  | 'share'
  | 'ip'
  | 'guid'
  | 'sid'
  | 'hex';

export type GuidKind = 'tenant' | 'device' | 'keyid' | 'guid';

// The first group of a GUID placeholder says what it was: aaaaaaaa tenant, dddddddd device,
// cccccccc key, bbbbbbbb any other id; the last group counts.
const GUID_TAGS: Record<GuidKind, string> = {
  tenant: 'aaaaaaaa',
  device: 'dddddddd',
  keyid: 'cccccccc',
  guid: 'bbbbbbbb',
};

/** A word kind: names replaced wherever they stand alone. */
export type WordKind = 'user' | 'host' | 'domain' | 'site';

interface WordEntry {
  placeholder: string;
  /** False for words every organisation uses (a host named DC): replaced only inside a DNS name or UNC path. */
  bare: boolean;
}

/** The placeholder in the case of the original: CORP.CONTOSO.COM → DOMAIN-1.EXAMPLE. */
export function inCaseOf(original: string, placeholder: string): string {
  return isUpperCase(original) ? placeholder.toUpperCase() : placeholder;
}

const PLACEHOLDER_KINDS = new Set(['user', 'host', 'domain', 'site', 'share', 'tenant', 'name', 'org']);

/** A placeholder already (user-1, HOST-2): redacting redacted text changes nothing. */
export function isPlaceholder(value: string): boolean {
  const dash = value.lastIndexOf('-');
  if (dash <= 0 || dash === value.length - 1) return false;
  const digits = value.slice(dash + 1);
  for (const c of digits) if (c < '0' || c > '9') return false;
  return PLACEHOLDER_KINDS.has(value.slice(0, dash).toLowerCase());
}

export class PlaceholderTable {
  private readonly counters = new Map<string, number>();
  private readonly replaced = new Map<PlaceholderKind, number>();
  private readonly words = new Map<string, WordEntry>();
  private readonly domains = new Map<string, string>();
  private readonly guids = new Map<string, string>();
  private readonly guidKinds = new Map<string, GuidKind>();
  private readonly sidDomains = new Map<string, string>();
  private readonly sidRids = new Map<string, string>();
  private readonly entraSids = new Map<string, string>();
  private readonly ips = new Map<string, string>();
  private readonly hexRuns = new Map<string, string>();
  private readonly phrases = new Map<string, string>();
  private readonly shares = new Map<string, string>();

  /** How many distinct values of each kind have a placeholder. */
  counts(): Partial<Record<PlaceholderKind, number>> {
    return Object.fromEntries(this.replaced);
  }

  /** The placeholder of a name that stands alone (a user, a NetBIOS domain, a host), if it is one. */
  bareWord(value: string): string | undefined {
    const entry = this.words.get(value.toLowerCase());
    return entry?.bare ? entry.placeholder : undefined;
  }

  /** A name of the given kind; the first kind a value is met as wins. */
  word(kind: WordKind, value: string): string {
    if (isPlaceholder(value)) return value.toLowerCase();
    const key = value.toLowerCase();
    const known = this.words.get(key);
    if (known) return known.placeholder;
    const placeholder = `${kind}-${this.next(kind)}`;
    this.words.set(key, { placeholder, bare: !STOP_WORDS.has(key) });
    this.count(kind === 'domain' ? 'domain' : kind);
    return placeholder;
  }

  /** A DNS domain of two labels or more: domain-N.example, and its organisation label as a word. */
  domain(name: string): string {
    const key = name.toLowerCase();
    const known = this.domains.get(key);
    if (known) return known;
    const placeholder = `domain-${this.next('domain')}.example`;
    this.domains.set(key, placeholder);
    this.count('domain');
    const labels = key.split('.');
    const organisation = labels[labels.length - 2];
    if (organisation && !STOP_WORDS.has(organisation) && !this.words.has(organisation)) {
      this.word('domain', organisation);
    }
    return placeholder;
  }

  hasDomain(name: string): boolean {
    return this.domains.has(name.toLowerCase());
  }

  /** Remembers what a GUID is (from the field that printed it) before its placeholder is made. */
  noteGuidKind(guid: string, kind: GuidKind): void {
    const key = guid.toLowerCase();
    if (!this.guidKinds.has(key) && !this.guids.has(key)) this.guidKinds.set(key, kind);
  }

  guid(guid: string): string {
    const key = guid.toLowerCase();
    const known = this.guids.get(key);
    if (known) return known;
    const kind = this.guidKinds.get(key) ?? 'guid';
    const placeholder = `${GUID_TAGS[kind]}-0000-0000-0000-${String(this.next(`guid-${kind}`)).padStart(12, '0')}`;
    this.guids.set(key, placeholder);
    this.count('guid');
    return placeholder;
  }

  /** The three sub-authorities of a domain SID (S-1-5-21-a-b-c) as 0-0-N. */
  sidDomain(subAuthorities: string): string {
    const known = this.sidDomains.get(subAuthorities);
    if (known) return known;
    const placeholder = `0-0-${this.next('sid-domain')}`;
    this.sidDomains.set(subAuthorities, placeholder);
    this.count('sid');
    return placeholder;
  }

  /** A relative id of 1000 or more (users and the organisation's groups), numbered from 1001. */
  sidRid(subAuthorities: string, rid: string): string {
    const key = `${subAuthorities}-${rid}`;
    const known = this.sidRids.get(key);
    if (known) return known;
    const placeholder = String(1000 + this.next('sid-rid'));
    this.sidRids.set(key, placeholder);
    return placeholder;
  }

  /** A Microsoft Entra object SID (S-1-12-1-a-b-c-d): its four numbers as 0-0-0-N. */
  entraSid(numbers: string): string {
    const known = this.entraSids.get(numbers);
    if (known) return known;
    const placeholder = `0-0-0-${this.next('sid-entra')}`;
    this.entraSids.set(numbers, placeholder);
    this.count('sid');
    return placeholder;
  }

  /** IPv4 from the documentation ranges (192.0.2.0/24, then 198.51.100.0/24, 203.0.113.0/24). */
  ipv4(address: string): string {
    const known = this.ips.get(address);
    if (known) return known;
    const n = this.next('ipv4');
    const nets = ['192.0.2', '198.51.100', '203.0.113'];
    const net = nets[Math.floor((n - 1) / 254)];
    const placeholder = net
      ? `${net}.${((n - 1) % 254) + 1}`
      : `198.18.${Math.floor(n / 256) % 256}.${n % 256}`;
    this.ips.set(address, placeholder);
    this.count('ip');
    return placeholder;
  }

  /** IPv6 from the documentation prefix 2001:db8::/32. */
  ipv6(address: string): string {
    const key = address.toLowerCase();
    const known = this.ips.get(key);
    if (known) return known;
    const placeholder = `2001:db8::${this.next('ipv6').toString(16)}`;
    this.ips.set(key, placeholder);
    this.count('ip');
    return placeholder;
  }

  /** Hex digits of the same length: zeros, then the count. */
  hexRun(digits: string): string {
    const key = digits.toUpperCase();
    const known = this.hexRuns.get(key);
    if (known) return known;
    const placeholder = String(this.next('hex')).padStart(digits.length, '0').slice(-digits.length);
    this.hexRuns.set(key, placeholder);
    this.count('hex');
    return placeholder;
  }

  /** Free text a field names: a tenant's name, a person's display name, an organisation. */
  phrase(kind: 'tenant' | 'name' | 'org', value: string): string {
    if (isPlaceholder(value)) return value;
    const key = `${kind}:${value.toLowerCase()}`;
    const known = this.phrases.get(key);
    if (known) return known;
    const placeholder = `${kind}-${this.next(kind)}`;
    this.phrases.set(key, placeholder);
    this.count(kind);
    return placeholder;
  }

  /** A share or folder name in a UNC path. */
  share(name: string): string {
    if (isPlaceholder(name)) return name.toLowerCase();
    const key = name.toLowerCase();
    const known = this.shares.get(key);
    if (known) return known;
    const placeholder = `share-${this.next('share')}`;
    this.shares.set(key, placeholder);
    this.count('share');
    return placeholder;
  }

  private next(counter: string): number {
    const n = (this.counters.get(counter) ?? 0) + 1;
    this.counters.set(counter, n);
    return n;
  }

  private count(kind: PlaceholderKind): void {
    this.replaced.set(kind, (this.replaced.get(kind) ?? 0) + 1);
  }
}
