/**
 * Scrolls the checklist's own scroll box so the element sits at its top. Unlike scrollIntoView,
 * it never scrolls the window or other boxes, which would shift the whole layout.
 */
export function scrollToTopOfList(element: HTMLElement): void {
  const container = element.closest<HTMLElement>('[data-scroll-container]');
  if (!container) return;
  const offset = element.getBoundingClientRect().top - container.getBoundingClientRect().top;
  const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  container.scrollBy({ top: offset, behavior: reduceMotion ? 'auto' : 'smooth' });
}

/**
 * Scrolls the checklist's box (at once) only as far as needed for the element to show whole,
 * with `margin` pixels of what follows it, so a row is seen with its neighbour.
 */
export function keepInList(element: HTMLElement, margin = 0): void {
  const container = element.closest<HTMLElement>('[data-scroll-container]');
  if (!container) return;
  const box = container.getBoundingClientRect();
  const rect = element.getBoundingClientRect();
  const room = Math.min(margin, Math.max(0, box.height - rect.height));
  if (rect.bottom + room > box.bottom) container.scrollBy({ top: rect.bottom + room - box.bottom });
  else if (rect.top < box.top) container.scrollBy({ top: rect.top - box.top });
}
