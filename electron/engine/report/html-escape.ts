import { printable } from './printable-text';

/** Text for HTML content or a quoted attribute value: markup characters escaped, controls made visible. */
export function escapeHtml(text: string): string {
  let out = '';
  for (const c of printable(text)) out += entityOf(c);
  return out;
}

function entityOf(c: string): string {
  switch (c) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    case '"':
      return '&quot;';
    case "'":
      return '&#39;';
    default:
      return c;
  }
}
