// The layers of the app and what each may import; scripts/check-layers.ts enforces this table as
// part of `npm run lint`, and docs/architecture.md draws it. Order, lowest first:
// contract < engine < host < fleet < api < main, cli, preview; preload and renderer stand apart
// and reach the rest only through the contract.

export type LayerName =
  | 'contract'
  | 'engine'
  | 'host'
  | 'fleet'
  | 'api'
  | 'main'
  | 'cli'
  | 'preview'
  | 'preload'
  | 'renderer';

export interface Layer {
  name: LayerName;
  /** Repository paths (files, or folders ending in '/') that make up the layer. */
  paths: readonly string[];
  /** Layers whose files it may import (its own included). */
  mayImport: readonly LayerName[];
  /** npm packages it may import (a name covers its subpaths); '*' for any. */
  packages: readonly string[] | '*';
  /** Whether Node's built-in modules (node:fs, path, ...) are allowed. */
  node: boolean;
  /** Files outside every layer that it may import (repository paths). */
  files?: readonly string[];
  /** One line on what the layer is, for messages and the docs. */
  what: string;
}

const ENTRY_POINTS: readonly LayerName[] = ['main', 'cli', 'preview'];
const BELOW_ENTRY_POINTS: readonly LayerName[] = ['api', 'fleet', 'host', 'engine', 'contract'];
/** Packages that need Node or Electron: never in the pure layers or the renderer. */
const NODE_ONLY_PACKAGES = ['electron', 'execa', 'iconv-lite'];

export const LAYERS: readonly Layer[] = [
  {
    name: 'contract',
    paths: ['electron/contract/'],
    mayImport: ['contract'],
    packages: ['zod'],
    node: false,
    files: ['package.json'],
    what: 'types, schemas, limits and the API method list shared by every side of the IPC boundary',
  },
  {
    name: 'engine',
    paths: ['electron/engine/'],
    mayImport: ['engine', 'contract'],
    packages: ['zod', 'fast-xml-parser'],
    node: false,
    what: 'the pure diagnosis: probes as data, parsers, facts, checks, checklist, reports, redaction',
  },
  {
    name: 'host',
    paths: ['electron/host/'],
    mayImport: ['host', 'engine', 'contract'],
    packages: ['zod', 'execa', 'iconv-lite'],
    node: true,
    what: 'what touches the machine: the command funnel, live and replay runners, fixes that run, files',
  },
  {
    name: 'fleet',
    paths: ['electron/fleet/'],
    mayImport: ['fleet', 'host', 'engine', 'contract'],
    packages: ['zod'],
    node: true,
    what: 'many captures or reports to one row per device: worker pool, SQLite cache',
  },
  {
    name: 'api',
    paths: ['electron/api/'],
    mayImport: BELOW_ENTRY_POINTS,
    packages: ['zod'],
    node: true,
    what: 'the handler table behind IPC and the preview HTTP route: sessions, live host, dispatch',
  },
  {
    name: 'main',
    paths: ['electron/main.ts', 'electron/main/', 'electron/mime-types.ts'],
    mayImport: [...ENTRY_POINTS, ...BELOW_ENTRY_POINTS],
    packages: ['electron', 'zod'],
    node: true,
    what: 'the Electron main process: window, security, menu, IPC, app:// protocol, headless runs',
  },
  {
    name: 'cli',
    paths: ['electron/cli/'],
    mayImport: [...ENTRY_POINTS, ...BELOW_ENTRY_POINTS],
    packages: ['zod'],
    node: true,
    what: 'the command line (npm run doctor)',
  },
  {
    name: 'preview',
    paths: ['electron/preview/'],
    mayImport: [...ENTRY_POINTS, ...BELOW_ENTRY_POINTS],
    packages: ['zod'],
    node: true,
    what: 'the browser preview: the same API over HTTP on 127.0.0.1, replay only',
  },
  {
    name: 'preload',
    paths: ['electron/preload.ts', 'electron/preload/'],
    mayImport: ['preload', 'contract'],
    packages: ['electron'],
    node: false,
    what: "the sandboxed preload: exposes the contract's API as window.doctor, nothing else",
  },
  {
    name: 'renderer',
    paths: ['renderer/src/'],
    mayImport: ['renderer', 'contract'],
    packages: ['react', 'react-dom', '@fluentui/react-components', '@fluentui/react-icons', 'zustand'],
    node: false,
    what: 'the React app; reaches the engine only through the API, and its types through @contract/*',
  },
];

/** Files under the layered folders that belong to no layer: build configuration. */
export const OUTSIDE_LAYERS: readonly string[] = [
  'electron/vite.config.ts',
  'electron/vite.preload.config.ts',
];

/** Folders whose source files must each belong to a layer. */
export const LAYERED_ROOTS: readonly string[] = ['electron/', 'renderer/src/'];

export const CONTRACT_ALIAS = '@contract/';
export const CONTRACT_DIR = 'electron/contract/';

export function layerOf(file: string): Layer | undefined {
  if (OUTSIDE_LAYERS.includes(file)) return undefined;
  return LAYERS.find((layer) => layer.paths.some((p) => (p.endsWith('/') ? file.startsWith(p) : file === p)));
}

export function packageAllowed(layer: Layer, name: string): boolean {
  if (layer.packages === '*') return !NODE_ONLY_PACKAGES.includes(name) || layer.node;
  return layer.packages.includes(name);
}
