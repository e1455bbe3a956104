// The labelled values of one output line, as the Windows tools print them: "Label : value"
// (dsregcmd, klist, nltest, w32tm, PowerShell lists), "Name  REG_SZ  value" (reg query),
// "<Computer>value</Computer>" and <Data Name="X">value</Data> (event XML), "key":"value"
// (the app's own JSON probes). Each scan walks the line once.

/** A labelled value: the label lower-cased without spaces, the value as a span of the line. */
export interface LineField {
  label: string;
  start: number;
  end: number;
}

const MAX_LABEL = 48;

export function normalizeLabel(label: string): string {
  let out = '';
  for (const c of label.toLowerCase()) if (c !== ' ' && c !== '\t' && c !== '_' && c !== '-') out += c;
  return out;
}

/** Every labelled value of the line. */
export function fieldsOf(line: string): LineField[] {
  const fields: LineField[] = [];
  const registry = registryField(line);
  if (registry) fields.push(registry);
  else {
    const colon = colonField(line);
    if (colon) fields.push(colon);
  }
  // Concatenated, not spread: a hostile line can hold more fields than a call has arguments.
  return fields.concat(line.includes('<') ? xmlFields(line) : [], line.includes('"') ? jsonFields(line) : []);
}

// "    LastLoggedOnUser    REG_SZ    CONTOSO\alice"
function registryField(line: string): LineField | undefined {
  const type = line.indexOf(' REG_');
  const tab = line.indexOf('\tREG_');
  const at = type >= 0 ? type : tab;
  if (at <= 0) return undefined;
  const name = line.slice(0, at).trim();
  if (name === '' || name.length > MAX_LABEL) return undefined;
  let end = at + 1;
  while (end < line.length && line[end] !== ' ' && line[end] !== '\t') end += 1;
  const start = skipSpaces(line, end);
  return { label: normalizeLabel(name), start, end: trimmedEnd(line, start) };
}

// "               Device Name : PC-0142.corp.contoso.com", "#0>	Client: alice @ CORP"
function colonField(line: string): LineField | undefined {
  const colon = line.indexOf(':');
  if (colon <= 0) return undefined;
  let label = line.slice(0, colon).trim();
  const ticket = label.lastIndexOf('>');
  if (label.startsWith('#') && ticket > 0) label = label.slice(ticket + 1).trim();
  if (label === '' || label.length > MAX_LABEL || /["<\\/=]/.test(label)) return undefined;
  const start = skipSpaces(line, colon + 1);
  return { label: normalizeLabel(label), start, end: trimmedEnd(line, start) };
}

// <Computer>PC-0142.corp.contoso.com</Computer>, <Data Name='TargetUserName'>bob</Data>
function xmlFields(line: string): LineField[] {
  const fields: LineField[] = [];
  let at = line.indexOf('<');
  while (at >= 0) {
    const close = line.indexOf('>', at);
    if (close < 0) break;
    const tag = line.slice(at + 1, close);
    const next = line.indexOf('<', close);
    const end = next < 0 ? line.length : next;
    const label = tag.startsWith('/') || tag.endsWith('/') ? undefined : xmlLabel(tag);
    if (label && end > close + 1) fields.push({ label: normalizeLabel(label), start: close + 1, end });
    at = next;
  }
  return fields;
}

function xmlLabel(tag: string): string | undefined {
  const space = tag.indexOf(' ');
  const element = space < 0 ? tag : tag.slice(0, space);
  if (element !== 'Data') return space < 0 ? element : undefined;
  const name = tag.indexOf('Name=', space);
  if (name < 0) return undefined;
  const quote = tag[name + 5];
  if (quote !== '"' && quote !== "'") return undefined;
  const endQuote = tag.indexOf(quote, name + 6);
  return endQuote < 0 ? undefined : tag.slice(name + 6, endQuote);
}

// "domain":"corp.contoso.com"
function jsonFields(line: string): LineField[] {
  const strings: { start: number; end: number }[] = [];
  let i = line.indexOf('"');
  while (i >= 0 && i < line.length) {
    let j = i + 1;
    while (j < line.length && line[j] !== '"') j += line[j] === '\\' ? 2 : 1;
    if (j >= line.length) break;
    strings.push({ start: i + 1, end: j });
    i = line.indexOf('"', j + 1);
  }
  const fields: LineField[] = [];
  for (let k = 0; k + 1 < strings.length; k += 1) {
    const key = strings[k] as { start: number; end: number };
    const value = strings[k + 1] as { start: number; end: number };
    if (line.slice(key.end + 1, value.start - 1).trim() !== ':') continue;
    if (key.end - key.start > MAX_LABEL) continue;
    fields.push({
      label: normalizeLabel(line.slice(key.start, key.end)),
      start: value.start,
      end: value.end,
    });
  }
  return fields;
}

function skipSpaces(line: string, from: number): number {
  let i = from;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i += 1;
  return i;
}

function trimmedEnd(line: string, start: number): number {
  let end = line.length;
  while (end > start && (line[end - 1] === ' ' || line[end - 1] === '\t' || line[end - 1] === '\r')) end -= 1;
  return end;
}
