/**
 * The part of a free-text field that names someone: the whole value, or for a certificate
 * subject the common name when it is a person's name ("CN=Alice Smith, OU=…").
 */
export function phraseSpan(label: string, value: string): { start: number; end: number } | undefined {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed === '-' || trimmed === '(null)' || trimmed.startsWith('<')) return undefined;
  if (label !== 'subject')
    return { start: value.indexOf(trimmed), end: value.indexOf(trimmed) + trimmed.length };
  if (!value.startsWith('CN=')) return undefined;
  const comma = value.indexOf(',');
  const end = comma < 0 ? value.length : comma;
  const name = value.slice(3, end);
  return name.includes(' ') && !name.includes('@') ? { start: 3, end } : undefined;
}
