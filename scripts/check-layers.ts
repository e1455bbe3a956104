// Checks the import graph against the layer table (scripts/layer-rules.ts): every import, export
// ... from, import(), import type and typeof import() of every file under electron/ and
// renderer/src/ is resolved to a file or a package and judged by the importing file's layer.
// Part of `npm run lint`; exits 1 with one line per violation, each naming its rule.
//
//   tsx scripts/check-layers.ts [ROOT]
//
// Biome's noRestrictedImports matches the text of a specifier, not the file it resolves to, so
// "a lower layer never imports a higher one" over relative paths needs this walk instead.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@babel/parser';
import {
  CONTRACT_ALIAS,
  CONTRACT_DIR,
  LAYERED_ROOTS,
  type Layer,
  layerOf,
  OUTSIDE_LAYERS,
  packageAllowed,
} from './layer-rules';

export type LayerRule =
  | 'layers/no-layer'
  | 'layers/import-not-allowed'
  | 'layers/package-not-allowed'
  | 'layers/node-builtin'
  | 'layers/contract-by-alias'
  | 'layers/unresolved';

export interface Violation {
  file: string;
  line: number;
  specifier: string;
  rule: LayerRule;
  message: string;
}

export interface LayerReport {
  files: number;
  imports: number;
  violations: Violation[];
}

const SOURCE = /\.(?:ts|tsx|mts|cts)$/;
const RESOLVE_EXT = ['.ts', '.tsx', '.mts', '.d.ts', '.js', '.json'];
const NODE_BUILTINS = new Set(builtinModules);

interface Specifier {
  value: string;
  line: number;
}

function listSources(root: string, dir: string, out: string[]): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const rel = `${dir}${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') listSources(root, `${rel}/`, out);
    } else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** Every module specifier in a file, with its line. */
export function specifiersOf(file: string, text: string): Specifier[] {
  const plugins: ('typescript' | 'jsx')[] = file.endsWith('.tsx') ? ['typescript', 'jsx'] : ['typescript'];
  const ast = parse(text, { sourceType: 'module', plugins, errorRecovery: true });
  const found: Specifier[] = [];
  const add = (node: unknown) => {
    const literal = node as { type?: string; value?: unknown; loc?: { start: { line: number } } } | null;
    if (literal?.type === 'StringLiteral' && typeof literal.value === 'string') {
      found.push({ value: literal.value, line: literal.loc?.start.line ?? 0 });
    }
  };
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown> & { type?: string };
    if (typeof n.type !== 'string') return;
    switch (n.type) {
      case 'ImportDeclaration':
      case 'ExportAllDeclaration':
      case 'ExportNamedDeclaration':
        add(n.source);
        break;
      case 'ImportExpression':
        add(n.source);
        break;
      case 'TSImportType': {
        const argument = n.argument as { literal?: unknown } | undefined;
        add(argument?.literal ?? argument);
        break;
      }
      case 'TSExternalModuleReference':
        add(n.expression);
        break;
      case 'CallExpression': {
        const callee = n.callee as { type?: string; name?: string };
        if (callee.type === 'Import' || (callee.type === 'Identifier' && callee.name === 'require')) {
          add((n.arguments as unknown[])[0]);
        }
        break;
      }
    }
    for (const [key, value] of Object.entries(n)) {
      if (key === 'loc' || key.endsWith('Comments')) continue;
      if (Array.isArray(value)) for (const child of value) visit(child);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(ast.program);
  return found;
}

function isFile(root: string, rel: string): boolean {
  try {
    return statSync(path.join(root, rel)).isFile();
  } catch {
    return false;
  }
}

/** The repository path a relative or aliased specifier names, or null. */
function resolveLocal(root: string, importer: string, specifier: string): string | null {
  const base = specifier.startsWith(CONTRACT_ALIAS)
    ? CONTRACT_DIR + specifier.slice(CONTRACT_ALIAS.length)
    : path.posix.normalize(path.posix.join(path.posix.dirname(importer), specifier));
  if (base.startsWith('../')) return null;
  const candidates = [
    base,
    ...RESOLVE_EXT.map((ext) => base + ext),
    base.replace(/\.js$/, '.ts'),
    `${base}/index.ts`,
    `${base}/index.tsx`,
  ];
  return candidates.find((candidate) => isFile(root, candidate)) ?? null;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || NODE_BUILTINS.has(packageName(specifier));
}

function judge(root: string, file: string, layer: Layer, spec: Specifier): Violation | null {
  const at = { file, line: spec.line, specifier: spec.value };
  const local = spec.value.startsWith('.') || spec.value.startsWith(CONTRACT_ALIAS);
  if (!local) {
    if (isNodeBuiltin(spec.value)) {
      if (layer.node) return null;
      return {
        ...at,
        rule: 'layers/node-builtin',
        message: `${layer.name} may not import Node's built-in '${spec.value}': it runs without Node (${layer.what})`,
      };
    }
    const name = packageName(spec.value);
    if (packageAllowed(layer, name)) return null;
    const allowed = layer.packages === '*' ? 'any' : layer.packages.join(', ') || 'none';
    return {
      ...at,
      rule: 'layers/package-not-allowed',
      message: `${layer.name} may not import the package '${name}' (allowed: ${allowed})`,
    };
  }
  const target = resolveLocal(root, file, spec.value);
  if (target === null) {
    return {
      ...at,
      rule: 'layers/unresolved',
      message: `'${spec.value}' names no file, so its layer is unknown`,
    };
  }
  const targetLayer = layerOf(target);
  if (targetLayer && layer.mayImport.includes(targetLayer.name)) {
    if (
      targetLayer.name === 'contract' &&
      layer.name !== 'contract' &&
      !spec.value.startsWith(CONTRACT_ALIAS)
    ) {
      return {
        ...at,
        rule: 'layers/contract-by-alias',
        message: `import the contract as '${CONTRACT_ALIAS}${target.slice(CONTRACT_DIR.length).replace(/\.tsx?$/, '')}', not by a relative path`,
      };
    }
    return null;
  }
  if (!targetLayer && layer.files?.includes(target)) return null;
  const where = targetLayer ? `${targetLayer.name} (${target})` : `${target}, which is in no layer`;
  return {
    ...at,
    rule: 'layers/import-not-allowed',
    message: `${layer.name} may import ${layer.mayImport.join(', ')} only, not ${where}`,
  };
}

/** Walks electron/ and renderer/src/ under `root` and judges every import. */
export function checkLayers(root: string): LayerReport {
  const files = LAYERED_ROOTS.flatMap((dir) => listSources(root, dir, [])).filter(
    (file) => !OUTSIDE_LAYERS.includes(file),
  );
  const violations: Violation[] = [];
  let imports = 0;
  for (const file of files) {
    const layer = layerOf(file);
    if (!layer) {
      violations.push({
        file,
        line: 1,
        specifier: '',
        rule: 'layers/no-layer',
        message: 'this file is in no layer: add its folder to LAYERS in scripts/layer-rules.ts',
      });
      continue;
    }
    for (const spec of specifiersOf(file, readFileSync(path.join(root, file), 'utf8'))) {
      imports++;
      const violation = judge(root, file, layer, spec);
      if (violation) violations.push(violation);
    }
  }
  return { files: files.length, imports, violations };
}

export function formatViolation(v: Violation): string {
  return `${v.file}:${v.line} ${v.rule}: ${v.specifier ? `'${v.specifier}': ` : ''}${v.message}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = path.resolve(process.argv[2] ?? '.');
  const report = checkLayers(root);
  for (const violation of report.violations) console.error(formatViolation(violation));
  const summary = `layers: ${report.files} files, ${report.imports} imports`;
  if (report.violations.length > 0) {
    console.error(`${summary}, ${report.violations.length} not allowed (docs/architecture.md)`);
    process.exit(1);
  }
  console.log(`${summary}, all allowed`);
}
