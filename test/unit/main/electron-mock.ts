// The one stand-in for the 'electron' module in unit tests (the real module downloads Electron on
// first import). Each test file mocks it with:
//   vi.mock('electron', () => import('./electron-mock').then((m) => m.electronModule));
// and calls resetElectronMock() before each test.

import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

/** A tiny event emitter that remembers listeners, so tests can fire events by name. */
export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on = vi.fn((event: string, listener: Listener) => {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  });
  once = vi.fn((event: string, listener: Listener) => {
    const wrapper: Listener = (...args) => {
      this.removeListener(event, wrapper);
      return listener(...args);
    };
    return this.on(event, wrapper);
  });
  removeListener = vi.fn((event: string, listener: Listener) => {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    );
    return this;
  });
  emit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }
  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

export class FakeWebContents extends FakeEmitter {
  send = vi.fn();
  setWindowOpenHandler = vi.fn();
}

/** One list of created windows, shared across re-imports (see `state` below). */
function sharedWindows(): FakeBrowserWindow[] {
  const store = globalThis as { __electronMockWindows?: FakeBrowserWindow[] };
  if (!store.__electronMockWindows) store.__electronMockWindows = [];
  return store.__electronMockWindows;
}

export class FakeBrowserWindow extends FakeEmitter {
  static readonly instances: FakeBrowserWindow[] = sharedWindows();
  static getAllWindows = vi.fn(() => FakeBrowserWindow.instances.filter((w) => !w.destroyed));
  readonly webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  isMinimized = vi.fn(() => this.minimized);
  isDestroyed = vi.fn(() => this.destroyed);
  setBackgroundColor = vi.fn();
  loadURL = vi.fn(async (_url: string) => {});
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
}

function createState() {
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  const app = Object.assign(new FakeEmitter(), {
    isPackaged: true,
    singleInstance: true,
    whenReady: vi.fn(() => ready),
    requestSingleInstanceLock: vi.fn((): boolean => app.singleInstance),
    quit: vi.fn(),
    exit: vi.fn(),
    enableSandbox: vi.fn(),
    /** Chromium's switches as the fake command line holds them (names, lower case). */
    switches: new Set<string>(),
    commandLine: { hasSwitch: vi.fn((name: string): boolean => app.switches.has(name)) },
  });
  return {
    app,
    resolveReady,
    nativeTheme: Object.assign(new FakeEmitter(), { shouldUseDarkColors: false }),
    ipcMain: {
      handlers: new Map<string, Listener>(),
      handle: vi.fn((channel: string, listener: Listener) => {
        state.ipcMain.handlers.set(channel, listener);
      }),
      removeHandler: vi.fn((channel: string) => {
        state.ipcMain.handlers.delete(channel);
      }),
    },
    ipcRenderer: {
      invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined),
      on: vi.fn(),
      removeListener: vi.fn(),
    },
    contextBridge: { exposeInMainWorld: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
      },
    },
    shell: { openExternal: vi.fn(async (_url: string) => {}) },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
    dialog: {
      showOpenDialog: vi.fn(
        async (..._args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> => ({
          canceled: true,
          filePaths: [],
        }),
      ),
      showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0 })),
      showErrorBox: vi.fn((_title: string, _content: string) => {}),
    },
  };
}

type MockState = ReturnType<typeof createState>;

// Kept on globalThis so that a test that re-imports modules (vi.resetModules) still shares one set
// of fakes with the code under test.
const store = globalThis as typeof globalThis & { __electronMockState?: MockState };

/** The current fakes (a view that always follows resetElectronMock). */
export const state: MockState = new Proxy({} as MockState, {
  get: (_target, key) => {
    store.__electronMockState ??= createState();
    return store.__electronMockState[key as keyof MockState];
  },
});

/** Fresh fakes for every test; the module object below always forwards to the current ones. */
export function resetElectronMock(): void {
  store.__electronMockState = createState();
  FakeBrowserWindow.instances.length = 0;
  FakeBrowserWindow.getAllWindows.mockClear();
}

/** Lets app.whenReady() resolve, then waits for the code chained on it. */
export async function becomeReady(): Promise<void> {
  state.resolveReady();
  for (let i = 0; i < 10; i++) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

const forward = <K extends keyof MockState>(key: K) => ({
  get: () => state[key],
  enumerable: true,
});

/** What `import { app, ... } from 'electron'` sees in tests. */
export const electronModule: Record<string, unknown> = Object.defineProperties(
  { BrowserWindow: FakeBrowserWindow },
  {
    app: forward('app'),
    nativeTheme: forward('nativeTheme'),
    ipcMain: forward('ipcMain'),
    ipcRenderer: forward('ipcRenderer'),
    contextBridge: forward('contextBridge'),
    protocol: forward('protocol'),
    session: forward('session'),
    shell: forward('shell'),
    Menu: forward('Menu'),
    dialog: forward('dialog'),
  },
);
