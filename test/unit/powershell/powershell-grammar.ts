// The PowerShell grammar (tree-sitter-powershell's wasm through web-tree-sitter) and the
// checks every script the app sends must pass. No PowerShell runs on the test machines, so
// this real parser is what stands between a script builder and a syntax error on Windows.
// Not a test file itself (no .test suffix).
import { createRequire } from 'node:module';
import { Language, type Node, Parser, type Tree } from 'web-tree-sitter';

const require = createRequire(import.meta.url);
let parserPromise: Promise<Parser> | undefined;

async function loadParser(): Promise<Parser> {
  await Parser.init();
  const language = await Language.load(require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm'));
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

export async function parsePowerShell(script: string): Promise<Tree> {
  parserPromise ??= loadParser();
  const tree = (await parserPromise).parse(script);
  if (tree === null) throw new Error('the PowerShell parser returned no tree');
  return tree;
}

function* walk(node: Node): Generator<Node> {
  yield node;
  for (const child of node.children) yield* walk(child);
}

/** ERROR and MISSING nodes, each as "line:column type text": empty for a script that parses. */
export function syntaxProblems(tree: Tree): string[] {
  const problems: string[] = [];
  for (const node of walk(tree.rootNode)) {
    if (node.isError || node.isMissing) {
      const where = `${node.startPosition.row + 1}:${node.startPosition.column + 1}`;
      problems.push(
        `${where} ${node.isMissing ? 'MISSING' : 'ERROR'} ${JSON.stringify(node.text.slice(0, 60))}`,
      );
    }
  }
  return problems;
}

// Commands that run text as code or start other programs: none belongs in a probe script.
const CODE_RUNNING_COMMANDS = new Set([
  'invoke-expression',
  'iex',
  'invoke-command',
  'icm',
  'start-process',
  'saps',
  'start',
  'add-type',
  'powershell',
  'powershell.exe',
  'pwsh',
  'cmd',
  'cmd.exe',
]);
const CODE_RUNNING_MEMBERS = new Set(['invokescript', 'newscriptblock', 'expandstring']);

/**
 * Ways a script could turn text into code: the commands above, [scriptblock]::Create,
 * $ExecutionContext's InvokeScript/NewScriptBlock/ExpandString, and the call operators
 * (& and .), which run whatever a value names. Read from the parse tree, with a plain text
 * scan as a second net in case the grammar names a construct differently.
 */
export function codeFromText(script: string, tree: Tree): string[] {
  const found: string[] = [];
  for (const node of walk(tree.rootNode)) {
    if (node.type === 'command_name' && CODE_RUNNING_COMMANDS.has(node.text.toLowerCase())) {
      found.push(`command ${node.text}`);
    }
    if (node.type === 'command_invokation_operator') found.push(`call operator ${node.text}`);
    if (node.type === 'member_name' && CODE_RUNNING_MEMBERS.has(node.text.toLowerCase())) {
      found.push(`member ${node.text}`);
    }
    if (node.type === 'invokation_expression') {
      const type = node.children.find((child) => child.type === 'type_literal');
      const member = node.children.find((child) => child.type === 'member_name');
      if (/^\[\s*scriptblock\s*\]$/i.test(type?.text ?? '') && member?.text.toLowerCase() === 'create') {
        found.push('[scriptblock]::Create');
      }
    }
  }
  if (/\b(?:Invoke-Expression|iex)\b/i.test(script)) found.push('text names Invoke-Expression or iex');
  if (/\[\s*scriptblock\s*\]\s*::\s*Create/i.test(script)) found.push('text has [scriptblock]::Create');
  return found;
}

/** The script carried by powershell.exe's -EncodedCommand argument (base64 of UTF-16LE). */
export function scriptOfArgs(args: readonly string[]): string {
  const index = args.indexOf('-EncodedCommand');
  const encoded = args[index + 1];
  if (index < 0 || encoded === undefined) throw new Error('no -EncodedCommand in the arguments');
  return Buffer.from(encoded, 'base64').toString('utf16le');
}

// PowerShell counts the typographic single quotes as quotes too, in any combination.
const SINGLE_QUOTES = new Set(["'", '\u2018', '\u2019', '\u201A', '\u201B']);

/**
 * Reads a single-quoted literal the way PowerShell's own tokenizer does (which the
 * tree-sitter grammar does not: it knows only the ASCII quote): inside, a quote character
 * followed by another is one quote; a lone one ends the string. Returns the value, or null
 * when the text is not exactly one such literal.
 */
export function readVerbatimLiteral(text: string): string | null {
  const chars = [...text];
  if (chars.length < 2 || !SINGLE_QUOTES.has(chars[0] ?? '')) return null;
  let value = '';
  for (let index = 1; index < chars.length; index++) {
    const char = chars[index] ?? '';
    if (!SINGLE_QUOTES.has(char)) {
      value += char;
      continue;
    }
    const next = chars[index + 1];
    if (next !== undefined && SINGLE_QUOTES.has(next)) {
      value += next;
      index++;
      continue;
    }
    return index === chars.length - 1 ? value : null;
  }
  return null;
}

function ancestors(node: Node): Node[] {
  const chain: Node[] = [];
  for (let parent = node.parent; parent !== null; parent = parent.parent) chain.push(parent);
  return chain;
}

export interface DataCheck {
  /** Problems found: empty when the value reached the script as data only. */
  problems: string[];
  /** The literal token that holds the value. */
  literal: string | undefined;
}

/**
 * Checks that a value put into a template at its placeholder stayed data: the script is the
 * template with exactly one region replaced, that region is one single-quoted literal token
 * (no expansion inside), PowerShell would read it back as the value, it is what the named
 * variable is assigned, and the parse tree has the same shape as with a harmless value.
 */
export async function checkValueIsData(options: {
  template: string;
  placeholder: string;
  script: string;
  value: string;
  variable: string;
  /** The same template built with a plain value, for the tree shape. */
  baseline: string;
}): Promise<DataCheck> {
  const { template, placeholder, script, value, variable, baseline } = options;
  const problems: string[] = [];
  const start = template.indexOf(placeholder);
  if (start < 0 || template.indexOf(placeholder, start + 1) >= 0) {
    return { problems: ['the placeholder is not in the template exactly once'], literal: undefined };
  }
  const suffix = template.slice(start + placeholder.length);
  const end = script.length - suffix.length;
  if (!script.startsWith(template.slice(0, start)) || !script.endsWith(suffix) || end <= start) {
    return { problems: ['the script differs from the template outside the placeholder'], literal: undefined };
  }

  const tree = await parsePowerShell(script);
  problems.push(...syntaxProblems(tree));
  const node = tree.rootNode.descendantForIndex(start, end);
  const literal = node?.text;
  if (node?.type !== 'verbatim_string_characters')
    problems.push(`the value parses as ${node?.type ?? 'nothing'}`);
  if (node?.startIndex !== start || node?.endIndex !== end) {
    problems.push('the value is not exactly one literal token');
  }
  if (literal === undefined || readVerbatimLiteral(literal) !== value) {
    problems.push('PowerShell would not read the literal back as the value');
  }
  const assignment =
    node === null ? undefined : ancestors(node).find((a) => a.type === 'assignment_expression');
  const target = assignment?.children.find((child) => child.type === 'left_assignment_expression');
  if (target?.text !== variable) problems.push(`the literal is not what ${variable} is assigned`);

  const baselineTree = await parsePowerShell(baseline);
  if (tree.rootNode.toString() !== baselineTree.rootNode.toString()) {
    problems.push('the parse tree has a different shape than with a plain value');
  }
  return { problems, literal };
}
