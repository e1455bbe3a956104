// No function in electron/ (the engine, the main process, the preload, the CLI, the preview
// server) or renderer/src is longer than 80 lines. A function's length is its whole span, from
// the line it starts on to the line it ends on, comments and blank lines included; a function
// nested inside another counts towards its parent's span as well as its own, so splitting a long
// function means moving the pieces out, not wrapping them in inner closures. Every function-like
// node is measured: declarations, expressions, arrows (React components included), object and
// class methods.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@babel/parser';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const ROOTS = ['electron', 'renderer/src'];
const MAX_LINES = 80;

const FUNCTION_TYPES = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ObjectMethod',
  'ClassMethod',
  'ClassPrivateMethod',
]);

interface AstNode {
  type: string;
  loc?: { start: { line: number }; end: { line: number } } | null;
  [key: string]: unknown;
}

interface LongFunction {
  where: string;
  name: string;
  lines: number;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as AstNode).type === 'string';
}

function keyName(key: unknown): string | null {
  if (!isNode(key)) return null;
  if (key.type === 'Identifier' || key.type === 'PrivateName')
    return String(key.name ?? (key.id as AstNode)?.name);
  if (key.type === 'StringLiteral' || key.type === 'NumericLiteral') return String(key.value);
  return null;
}

function calleeName(callee: unknown): string {
  if (isNode(callee) && callee.type === 'MemberExpression')
    return `.${keyName(callee.property) ?? '[computed]'}`;
  return keyName(callee) ?? 'a call';
}

/** The name a reader would search for: the function's own, else what it is assigned to. */
function functionName(node: AstNode, parent: AstNode | null): string {
  const own = keyName(node.id) ?? keyName(node.key);
  if (own) return own;
  if (parent?.type === 'VariableDeclarator') return keyName(parent.id) ?? '(anonymous)';
  if (parent?.type === 'ObjectProperty' || parent?.type === 'ClassProperty')
    return keyName(parent.key) ?? '(anonymous)';
  if (parent?.type === 'AssignmentExpression') return keyName(parent.left) ?? '(anonymous)';
  if (parent?.type === 'CallExpression') return `(argument of ${calleeName(parent.callee)})`;
  return '(anonymous)';
}

function walk(
  node: AstNode,
  parent: AstNode | null,
  visit: (node: AstNode, parent: AstNode | null) => void,
): void {
  visit(node, parent);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc' || key === 'leadingComments' || key === 'trailingComments' || key === 'innerComments')
      continue;
    if (Array.isArray(value)) {
      for (const child of value) if (isNode(child)) walk(child, node, visit);
    } else if (isNode(value)) {
      walk(value, node, visit);
    }
  }
}

function longFunctions(file: string, source: string, maxLines = MAX_LINES): LongFunction[] {
  const ast = parse(source, {
    sourceType: 'module',
    plugins: ['typescript', ...(file.endsWith('.tsx') ? (['jsx'] as const) : [])],
  });
  const found: LongFunction[] = [];
  walk(ast.program as unknown as AstNode, null, (node, parent) => {
    if (!FUNCTION_TYPES.has(node.type) || !node.loc) return;
    const lines = node.loc.end.line - node.loc.start.line + 1;
    if (lines > maxLines)
      found.push({ where: `${file}:${node.loc.start.line}`, name: functionName(node, parent), lines });
  });
  return found;
}

describe('function length', () => {
  it('measures a function by its whole span, nested functions included', () => {
    const body = Array.from({ length: 79 }, (_, i) => `  const v${i} = () => ${i};`).join('\n');
    const source = `export function outer() {\n${body}\n}\nconst ok = () => 1;\nclass A { m() { return 1; } }\n`;
    expect(longFunctions('x.ts', source).map((f) => [f.name, f.lines])).toEqual([['outer', 81]]);
    expect(longFunctions('x.ts', source, 81)).toEqual([]);
    const tsx = `export const View = () => (\n  <div>\n${'    <br />\n'.repeat(78)}  </div>\n);\n`;
    expect(longFunctions('x.tsx', tsx).map((f) => [f.name, f.lines])).toEqual([['View', 82]]);
  });

  it(`finds no function over ${MAX_LINES} lines in ${ROOTS.join(' or ')}`, () => {
    const files = ROOTS.flatMap((root) => sourceFiles(path.join(REPO_ROOT, root)));
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.flatMap((file) =>
      longFunctions(path.relative(REPO_ROOT, file), readFileSync(file, 'utf8')),
    );
    const report = offenders.map((f) => `${f.where} ${f.name} (${f.lines} lines)`);
    expect(report, `functions over ${MAX_LINES} lines (split them)`).toEqual([]);
  });
});
