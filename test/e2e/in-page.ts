// Functions that Playwright runs inside the page. The Node test project has no DOM types (the
// engine and main process must not see them), so this file declares the little it uses.

interface PageRect {
  top: number;
  bottom: number;
}
interface PageElement {
  matches(selector: string): boolean;
  closest(selector: string): PageElement | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): PageRect;
}
interface PageDataTransfer {
  items: { add(file: File): unknown };
}
declare const document: {
  activeElement: PageElement | null;
  documentElement: { scrollWidth: number };
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
};
declare const navigator: { clipboard: { readText(): Promise<string> } };
declare const DataTransfer: new () => PageDataTransfer;
declare function getComputedStyle(element: PageElement): { backgroundColor: string };

/** The check id of the row whose expand button has focus, or null. */
export function focusedRowId(): string | null {
  const active = document.activeElement;
  if (!active?.matches('[data-row-toggle]')) return null;
  return active.closest('li[data-check-id]')?.getAttribute('data-check-id') ?? null;
}

/** A drag payload carrying one file, as the OS would hand it to the page. */
export function dataTransferWithFile({ name, content }: { name: string; content: string }): PageDataTransfer {
  const transfer = new DataTransfer();
  transfer.items.add(new File([content], name, { type: 'application/json' }));
  return transfer;
}

export function clipboardText(): Promise<string> {
  return navigator.clipboard.readText();
}

export function backgroundColor(element: PageElement): string {
  return getComputedStyle(element).backgroundColor;
}

interface FakeWindow {
  innerWidth: number;
  innerHeight: number;
  doctor?: unknown;
  /** Every runChecklist request the fake desktop API received, in order. */
  __runRequests?: unknown[];
  __menu?: (file: { fileName: string; text: string }) => Promise<void>;
  setTimeout(callback: () => void, ms: number): unknown;
}
declare const window: FakeWindow;

/**
 * Stands in for the desktop app's preload (`window.doctor`) on a "Windows" device: live runs are
 * answered with a scenario's report after progress events for each probe, slowly enough to watch.
 * Everything else goes to the preview server, as the real preload goes to main.
 */
export function installFakeDesktopApi({ scenario, stepMs }: { scenario: string; stepMs: number }): void {
  type Listener = (event: unknown) => void;
  const progress = new Set<Listener>();
  const menu = new Set<Listener>();
  type Envelope = { ok: true; value: Record<string, unknown> } | { ok: false; error: unknown };
  // The preview server answers the same envelope as main's IPC handlers: passed on as it is.
  const call = async (method: string, args: unknown[]): Promise<Envelope> => {
    const response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-doctor-session': 'fake-desktop' },
      body: JSON.stringify(args),
    });
    return (await response.json()) as Envelope;
  };
  const ok = (value: unknown) => ({ ok: true, value });
  const sleep = (ms: number) => new Promise<void>((resolve) => window.setTimeout(resolve, ms));
  let probes: string[] = [];
  const live = async () => {
    for (const probeId of probes) for (const listener of progress) listener({ probeId, phase: 'start' });
    for (const probeId of probes) {
      await sleep(stepMs);
      for (const listener of progress) listener({ probeId, phase: 'done', error: null, durationMs: stepMs });
    }
    const answer = await call('runChecklist', [{ kind: 'scenario', name: scenario }]);
    if (!answer.ok) return answer;
    const report = answer.value.report as Record<string, unknown>;
    return ok({ ...answer.value, report: { ...report, source: { kind: 'live' } } });
  };
  window.__runRequests = [];
  window.doctor = {
    getAppInfo: async () => {
      const answer = await call('getAppInfo', []);
      if (!answer.ok) return answer;
      const info = answer.value;
      probes = [...new Set(Object.values(info.checkProbes as Record<string, string[]>).flat())];
      return ok({ ...info, mode: 'electron', liveSupported: true, platform: 'win32' });
    },
    runChecklist: (request: { kind: string }) => {
      window.__runRequests?.push(request);
      return request.kind === 'live' ? live() : call('runChecklist', [request]);
    },
    rerun: () => live(),
    exportCapture: () => call('exportCapture', []),
    exportDocument: (request: unknown) => call('exportDocument', [request]),
    runFix: () => Promise.resolve(ok({ ok: false, reason: 'not in this test' })),
    attachAdminOutput: (request: unknown) => call('attachAdminOutput', [request]),
    summarizeFiles: (request: unknown) => call('summarizeFiles', [request]),
    probeOutput: (request: unknown) => call('probeOutput', [request]),
    openReportFile: (request: unknown) => call('openReportFile', [request]),
    onProgress: (listener: Listener) => {
      progress.add(listener);
      return () => progress.delete(listener);
    },
    onMenuCommand: (listener: Listener) => {
      menu.add(listener);
      return () => menu.delete(listener);
    },
  };
  // As main does for File ▸ Open: the file is opened in the session, only the answer goes to the page.
  window.__menu = async ({ fileName, text }) => {
    const result = await call('runChecklist', [{ kind: 'capture', fileName, text }]);
    for (const listener of menu) listener({ command: 'open-capture', fileName, result });
  };
}

/** The runChecklist requests the fake desktop API received. */
export function runRequests(): unknown[] {
  return window.__runRequests ?? [];
}

/** File ▸ Open capture… through the fake desktop API: the file is opened "in main", its report sent. */
export async function sendMenuCommand(command: {
  command: string;
  fileName: string;
  text: string;
}): Promise<void> {
  await window.__menu?.(command);
}

/** How wide the page is against the window: wider means a sideways scrollbar. */
export function pageAndWindowWidth(): { page: number; view: number } {
  return { page: document.documentElement.scrollWidth, view: window.innerWidth };
}

/**
 * The rows a person sees whole without scrolling anything: inside the window and inside the
 * checklist's own scroll box.
 */
export function rowsInView(): string[] {
  const box = document.querySelector('[data-scroll-container]')?.getBoundingClientRect();
  if (!box) return [];
  const top = Math.max(0, box.top);
  const bottom = Math.min(window.innerHeight, box.bottom);
  return [...document.querySelectorAll('li[data-check-id]')]
    .filter((row) => {
      const rect = row.getBoundingClientRect();
      return rect.top >= top - 0.5 && rect.bottom <= bottom + 0.5;
    })
    .map((row) => row.getAttribute('data-check-id') ?? '');
}
