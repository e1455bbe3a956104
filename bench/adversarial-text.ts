// Hostile text of a chosen size for the parsers: long lines that pump one character (or a
// short run) after prefixes that lead the parsers' patterns into their repeated parts, and
// many short lines of the same. A super-linear pattern or loop shows as time growing faster
// than the text. Shared by the parser fuzz test and the parser bench.

/** 1 KB of text, in UTF-16 code units (the unit of String.length and of the parse budgets). */
export const KB = 1024;

/** Line starts the parsers react to: titles, labels, prompts, markers, numbers. */
export const ATTACK_PREFIXES: readonly string[] = [
  '',
  'x',
  '|',
  '| Device State',
  '+---',
  'AzureAdJoined : ',
  '#0>',
  '#0>\tClient: a @ B',
  '\tTicket Flags 0x40e10000 ->',
  'Cached Tickets: ',
  'Current LogonId is 0:',
  'Get-AzureADKerberosServer :',
  'KeyUpdatedOn : 1',
  'Id     : ',
  '[',
  'Microsoft Windows [Version 10.0.',
  'Version 23H2 (OS Build ',
  'HKEY_LOCAL_MACHINE\\',
  '    UBR    REG_DWORD',
  'ERROR: ',
  'End of search: ',
  'PS C:\\>',
  'C:\\>',
  'a@b C:\\',
  'S-1-5-21',
  '"a","S-1-5-21-1',
  '====',
  '- <',
  '<Events><Event>',
  'Event Xml:',
  '&#',
  'Log Name: ',
  'Leap Indicator: ',
  '10:15:03, ',
  '10:15:03 d:+00.01s o:',
  'Tracking DC01 [',
  'Getting DC name failed: Status = ',
  'DC: \\\\',
  'Flags: PDC ',
  '================ Certificate 0 ',
  'CertUtil: -store ',
  'Provider = ',
  '{',
  '{"',
  'tickets purge',
];

/** Characters or short runs that are pumped to make long lines. */
export const PUMPS: readonly string[] = [
  ' ',
  '\t',
  '|',
  ':',
  '=',
  '\\',
  'a@',
  '<',
  '0',
  '.',
  '-',
  '\u2028',
  ' :',
  '0x11111111 ',
  'tickets ',
  '[',
  '{',
  '"',
  ',',
  'A',
];

/** Line ends after the pumped run: nothing, a character no pattern expects, a separator and a break. */
export const TAILS: readonly string[] = ['', '\u0000', '|', ':\u2028', '}', ']'];

export interface AdversarialCase {
  name: string;
  /** The text of about `size` characters (exactly `size`, or less when it is a sample repeated). */
  make: (size: number) => string;
}

/** Every prefix with every tail, each line holding the same run of `pump`: about `size` characters. */
export function pumpedLines(pump: string, size: number): string {
  const shapes = ATTACK_PREFIXES.flatMap((prefix) => TAILS.map((tail) => [prefix, tail] as const));
  const fixed = shapes.reduce((sum, [prefix, tail]) => sum + prefix.length + tail.length + 1, 0);
  const run = pump.repeat(Math.max(1, Math.ceil((size - fixed) / shapes.length / pump.length)));
  return shapes
    .map(([prefix, tail]) => `${prefix}${run}${tail}`)
    .join('\n')
    .slice(0, size);
}

/** One single line: the pump repeated, then a character that makes every pattern fail at the end. */
export function pumpedLine(pump: string, size: number): string {
  return `${pump.repeat(Math.ceil(size / pump.length)).slice(0, size - 1)}\u0000`;
}

/** Many short lines: every prefix with a few pumps and each tail, repeated. */
export function shortLines(pump: string, size: number): string {
  const block = ATTACK_PREFIXES.flatMap((prefix) =>
    TAILS.map((tail) => `${prefix}${pump.repeat(4)}${tail}`),
  ).join('\n');
  return `${block}\n`.repeat(Math.ceil(size / (block.length + 1))).slice(0, size);
}

/** A real output repeated until it reaches `size` (whole copies only, at least one). */
export function repeatedSample(sample: string, size: number): string {
  const copies = Math.max(1, Math.floor(size / (sample.length + 1)));
  return `${sample}\n`.repeat(copies);
}

const printable = (pump: string): string => JSON.stringify(pump);

/** The characters the parser fuzz test pumps: those of the issue and those that exposed slow patterns. */
export const STANDARD_PUMPS: readonly string[] = [
  ' ',
  '\t',
  '|',
  ':',
  '=',
  '\\',
  'a@',
  '<',
  '[',
  '0x11111111 ',
  'tickets ',
];
const SHORT_LINE_PUMPS: readonly string[] = [' ', ':'];

/**
 * The cases of the parser fuzz test: each standard pump as long lines and as one line, short
 * lines of two pumps, and the first real output repeated.
 */
export function standardCases(samples: readonly string[]): AdversarialCase[] {
  return [
    ...STANDARD_PUMPS.flatMap((pump) => [
      { name: `long lines of ${printable(pump)}`, make: (size: number) => pumpedLines(pump, size) },
      { name: `one line of ${printable(pump)}`, make: (size: number) => pumpedLine(pump, size) },
    ]),
    ...SHORT_LINE_PUMPS.map((pump) => ({
      name: `short lines of ${printable(pump)}`,
      make: (size: number) => shortLines(pump, size),
    })),
    ...samples.slice(0, 1).map((sample) => ({
      name: 'a real output repeated',
      make: (size: number) => repeatedSample(sample, size),
    })),
  ];
}

/** The adversarial cases: every pump as long lines, as one line, and as many short lines. */
export function adversarialCases(pumps: readonly string[] = PUMPS): AdversarialCase[] {
  return pumps.flatMap((pump) => [
    { name: `long lines of ${printable(pump)}`, make: (size: number) => pumpedLines(pump, size) },
    { name: `one line of ${printable(pump)}`, make: (size: number) => pumpedLine(pump, size) },
    { name: `short lines of ${printable(pump)}`, make: (size: number) => shortLines(pump, size) },
  ]);
}
