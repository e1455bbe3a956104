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
