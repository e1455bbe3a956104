import type { Parsed, Sourced } from '@contract/types';
import { PARSE_BUDGETS, parseWithin } from './parse-budget';
import { isPromptLine, type KeyValueLine, readKeyValue, toLines } from './text-lines';

/** Facts from `whoami /user /fo csv` (also reads `whoami /user`, `whoami /all` tables). */
export interface WhoamiUserFacts {
  /** e.g. "contoso\\alice". */
  userName?: Sourced<string>;
  sid?: Sourced<string>;
}

export interface TokenGroup {
  name: string;
  type?: string;
  sid: string;
  attributes?: string;
  line: string;
}

/** Facts from `whoami /groups /fo csv` (also reads `whoami /groups`, `whoami /all` tables). */
export interface WhoamiGroupsFacts {
  groups: TokenGroup[];
}

// Labels are localized, so rows are found by their SID and by column positions only.
const SID = /^S-1-\d+(?:-\d+)+$/i;
const SID_TOKEN = /(?<=^|\s)S-1-\d+(?:-\d+)+(?=\s|$)/gi;
const UNDERLINE = /^\s*=+(?: +=+)*$/;
const SECTION_RULE = /^\s*-+$/;

interface Column {
  start: number;
  end: number;
}

/** A `====` underlined table: column spans and its data rows (right-trimmed, not left-trimmed). */
interface Table {
  columns: Column[];
  rows: string[];
}

interface Sheet {
  csvRows: Array<{ fields: string[]; line: string }>;
  tables: Table[];
  /** "Label: value" lines, for `/fo list` output. */
  pairs: KeyValueLine[];
}

export function parseWhoamiUser(text: string): Parsed<WhoamiUserFacts> {
  return parseWithin(PARSE_BUDGETS.whoami, 'whoami output', text, () => ({}), readUser);
}

export function parseWhoamiGroups(text: string): Parsed<WhoamiGroupsFacts> {
  return parseWithin(PARSE_BUDGETS.whoami, 'whoami output', text, () => ({ groups: [] }), readGroups);
}

function readUser(text: string): Parsed<WhoamiUserFacts> {
  const sheet = readSheet(text);
  const user = userFromCsv(sheet) ?? userFromTables(sheet) ?? userFromList(sheet);
  if (!user) return { facts: {}, recognized: false, problems: ['no user name and SID found'] };
  return { facts: user, recognized: true, problems: [] };
}

function readGroups(text: string): Parsed<WhoamiGroupsFacts> {
  const sheet = readSheet(text);
  let groups = [...groupsFromCsv(sheet), ...groupsFromTables(sheet)];
  if (groups.length === 0) groups = groupsFromList(sheet);
  if (groups.length === 0) {
    return { facts: { groups: [] }, recognized: false, problems: ['no group rows with a SID found'] };
  }
  return { facts: { groups }, recognized: true, problems: [] };
}

function readSheet(text: string): Sheet {
  const lines = toLines(text).filter((line) => line.trim() !== '' && !isPromptLine(line));
  const csvRows: Sheet['csvRows'] = [];
  for (const line of lines) {
    const fields = line.trim().startsWith('"') ? readCsvRow(line.trim()) : null;
    if (fields) csvRows.push({ fields, line: line.trim() });
  }
  const pairs = lines.map(readKeyValue).filter((pair): pair is KeyValueLine => pair !== null);
  return { csvRows, tables: findTables(lines), pairs };
}

/** Splits one CSV line with quoted fields ("" is an escaped quote); null when malformed. */
function readCsvRow(line: string): string[] | null {
  const fields: string[] = [];
  let index = 0;
  while (index < line.length) {
    if (line[index] !== '"') return null;
    let value = '';
    index += 1;
    for (;;) {
      if (index >= line.length) return null;
      const char = line[index];
      if (char === '"' && line[index + 1] === '"') {
        value += '"';
        index += 2;
      } else if (char === '"') {
        index += 1;
        break;
      } else {
        value += char;
        index += 1;
      }
    }
    fields.push(value);
    while (line[index] === ' ') index += 1;
    if (index < line.length && line[index] !== ',') return null;
    index += 1;
    while (line[index] === ' ') index += 1;
  }
  return fields;
}

function userFromCsv(sheet: Sheet): WhoamiUserFacts | undefined {
  const row = sheet.csvRows.find(({ fields }) => fields.length === 2 && SID.test(fields[1]?.trim() ?? ''));
  if (!row) return undefined;
  return {
    userName: { value: (row.fields[0] ?? '').trim(), line: row.line },
    sid: { value: (row.fields[1] ?? '').trim(), line: row.line },
  };
}

/**
 * Group rows of `whoami /groups /fo csv` in any language: the header words are localized
 * ("Group Name", "Nom du groupe", "Gruppenname", "Nombre de grupo"), so a row is a group when a
 * field after the first is SID-shaped; the name is the first field, the type the fields between,
 * the attributes what follows the SID. Rows of two fields are the user, not a group.
 */
function groupsFromCsv(sheet: Sheet): TokenGroup[] {
  const groups: TokenGroup[] = [];
  for (const { fields, line } of sheet.csvRows) {
    if (fields.length < 3) continue;
    const at = sidColumn(fields);
    if (at < 1) continue;
    const sid = (fields[at] ?? '').trim();
    const type = joinFields(fields.slice(1, at));
    const attributes = joinFields(fields.slice(at + 1));
    groups.push(withOptional({ name: (fields[0] ?? '').trim(), sid, line }, type, attributes));
  }
  return groups;
}

function joinFields(fields: string[]): string {
  return fields
    .map((field) => field.trim())
    .filter(Boolean)
    .join(', ');
}

/** The SID column of a CSV row: the third field as whoami prints it, else the first SID after the name. */
function sidColumn(fields: string[]): number {
  if (SID.test(fields[2]?.trim() ?? '')) return 2;
  return fields.findIndex((field, index) => index > 0 && SID.test(field.trim()));
}

function withOptional(
  group: TokenGroup,
  type: string | undefined,
  attributes: string | undefined,
): TokenGroup {
  if (type) group.type = type;
  if (attributes) group.attributes = attributes;
  return group;
}

function userFromTables(sheet: Sheet): WhoamiUserFacts | undefined {
  for (const table of sheet.tables) {
    if (table.columns.length !== 2) continue;
    for (const row of table.rows) {
      const sid = pickSid(row, table.columns[1]);
      if (!sid) continue;
      const line = row.trim();
      return {
        userName: { value: row.slice(0, sid.start).trim(), line },
        sid: { value: sid.value, line },
      };
    }
  }
  return undefined;
}

function groupsFromTables(sheet: Sheet): TokenGroup[] {
  const groups: TokenGroup[] = [];
  for (const table of sheet.tables) {
    if (table.columns.length !== 4) continue;
    for (const row of table.rows) {
      const group = readGroupRow(row, table.columns);
      if (group) groups.push(group);
    }
  }
  return groups;
}

function readGroupRow(row: string, columns: Column[]): TokenGroup | null {
  const [, typeColumn, sidColumn] = columns;
  const sid = pickSid(row, sidColumn);
  if (!sid || !typeColumn || !sidColumn) return null;
  const before = row.slice(0, sid.start);
  // Mis-decoded characters can shift a row; shift the name/type boundary the same way.
  const boundary = typeColumn.start + (sid.start - sidColumn.start);
  const { name, type } = splitNameType(before, boundary);
  const attributes = row.slice(sid.start + sid.value.length).trim();
  return withOptional({ name, sid: sid.value, line: row.trim() }, type, attributes);
}

function splitNameType(before: string, boundary: number): { name: string; type?: string } {
  const fits = boundary > 0 && boundary < before.length && /\s/.test(before[boundary - 1] ?? '');
  if (fits && /\S/.test(before[boundary] ?? '')) {
    return { name: before.slice(0, boundary).trim(), type: before.slice(boundary).trim() };
  }
  // Collapsed alignment: fall back to the widest gap, else no type.
  const parts = before.trim().split(/\s{2,}/);
  if (parts.length >= 2) return { name: parts.slice(0, -1).join('  '), type: parts.at(-1) ?? '' };
  return { name: before.trim() };
}

/** The SID token nearest the SID column (a group name could itself look like a SID). */
function pickSid(row: string, column: Column | undefined): { value: string; start: number } | undefined {
  const found = [...row.matchAll(SID_TOKEN)].map((match) => ({ value: match[0], start: match.index ?? 0 }));
  if (found.length === 0) return undefined;
  const target = column?.start ?? 0;
  return found.reduce((best, next) =>
    Math.abs(next.start - target) < Math.abs(best.start - target) ? next : best,
  );
}

function findTables(lines: string[]): Table[] {
  const tables: Table[] = [];
  lines.forEach((line, index) => {
    if (!UNDERLINE.test(line)) return;
    tables.push({ columns: readColumns(line), rows: tableRows(lines, index + 1) });
  });
  return tables;
}

function readColumns(underline: string): Column[] {
  return [...underline.matchAll(/=+/g)].map((match) => ({
    start: match.index ?? 0,
    end: (match.index ?? 0) + match[0].length,
  }));
}

/** Rows run until the next section title ("TITLE" over "-----") or the next table header. */
function tableRows(lines: string[], from: number): string[] {
  const rows: string[] = [];
  for (let index = from; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const next = lines[index + 1] ?? '';
    if (UNDERLINE.test(line) || SECTION_RULE.test(line)) break;
    if (SECTION_RULE.test(next) || UNDERLINE.test(next)) break;
    rows.push(line);
  }
  return rows;
}

// `/fo list` prints one "Label: value" line per column. Labels are localized, so records are
// found by position: the user is the second pair (name, SID); a group is name, type, SID, attributes.

const isSidPair = (pair: KeyValueLine | undefined) => pair !== undefined && SID.test(pair.value);

function userFromList(sheet: Sheet): WhoamiUserFacts | undefined {
  const [name, sid] = sheet.pairs;
  if (!name || !sid || isSidPair(name) || !isSidPair(sid)) return undefined;
  return { userName: { value: name.value, line: name.line }, sid: { value: sid.value, line: sid.line } };
}

function groupsFromList(sheet: Sheet): TokenGroup[] {
  const { pairs } = sheet;
  const groups: TokenGroup[] = [];
  pairs.forEach((sid, index) => {
    const [name, type, attributes] = [pairs[index - 2], pairs[index - 1], pairs[index + 1]];
    if (!isSidPair(sid) || !name || !type || !attributes) return;
    if (isSidPair(name) || isSidPair(type) || isSidPair(attributes)) return;
    const line = [name.line, type.line, sid.line, attributes.line].join(' | ');
    groups.push(withOptional({ name: name.value, sid: sid.value, line }, type.value, attributes.value));
  });
  return groups;
}
