import { dnsLabels } from './identifier-shapes';

/** The domain components of an LDAP distinguished name: DC=corp,DC=contoso,DC=com. */
export interface DnDomain {
  /** The labels in order, as printed. */
  labels: string[];
  /** What separates the components (",", ", "), from the first pair. */
  separator: string;
  /** The "DC" as printed (dc, DC). */
  keyword: string;
  end: number;
}

/** The run of DC= components that starts at `start`, or undefined. */
export function dnDomainAt(text: string, start: number): DnDomain | undefined {
  const keyword = text.slice(start, start + 2);
  if (keyword.toLowerCase() !== 'dc' || text[start + 2] !== '=') return undefined;
  const labels: string[] = [];
  let separator = ',';
  let i = start;
  // Each turn starts at a "DC=" (checked above, then before moving on).
  for (;;) {
    let j = i + 3;
    while (j < text.length && text[j] !== ',' && text[j] !== '"' && text[j] !== '\n') j += 1;
    const label = text.slice(i + 3, j);
    if (!dnsLabels(`${label}.x`)) break;
    labels.push(label);
    i = j;
    let k = j;
    if (text[k] !== ',') break;
    k += 1;
    while (text[k] === ' ') k += 1;
    if (labels.length === 1) separator = text.slice(j, k);
    if (text.slice(k, k + 2).toLowerCase() !== 'dc' || text[k + 2] !== '=') break;
    i = k;
  }
  if (labels.length === 0) return undefined;
  return { labels, separator, keyword, end: i };
}
