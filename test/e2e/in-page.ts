// Functions that Playwright runs inside the page. The Node test project has no DOM types (the
// engine and main process must not see them), so this file declares the little it uses.

interface PageElement {
  matches(selector: string): boolean;
  closest(selector: string): PageElement | null;
  getAttribute(name: string): string | null;
}
interface PageDataTransfer {
  items: { add(file: File): unknown };
}
declare const document: { activeElement: PageElement | null };
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
