// The packaged renderer is served with the same Content-Security-Policy its index.html declares in
// a <meta> tag, as a response header too (a header also covers what a meta tag cannot, and the
// two can never disagree because the header is read from the page itself).

/** Used only when the page declares no policy: nothing but the app's own files. */
export const FALLBACK_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";

const ENTITIES: Record<string, string> = {
  amp: '&',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  '#39': "'",
  '#34': '"',
};

function decodeEntities(value: string): string {
  return value.replace(/&(amp|quot|apos|lt|gt|#39|#34);/g, (_, name: string) => ENTITIES[name] ?? '');
}

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(/([^\s=/<>"']+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
    const name = match[1];
    if (name === undefined) continue;
    attributes.set(name.toLowerCase(), decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attributes;
}

/** The policy of the first `<meta http-equiv="Content-Security-Policy">` outside comments, else null. */
export function extractMetaCsp(html: string): string | null {
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const match of withoutComments.matchAll(/<meta\b[^>]*>/gi)) {
    const attributes = attributesOf(match[0]);
    if (attributes.get('http-equiv')?.toLowerCase() !== 'content-security-policy') continue;
    const policy = attributes.get('content')?.replace(/\s+/g, ' ').trim();
    if (policy) return policy;
  }
  return null;
}
