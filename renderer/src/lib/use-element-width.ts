import { useLayoutEffect, useState } from 'react';

/**
 * A callback ref and the width of the element it is given, in CSS pixels, following it as the
 * window resizes (0 before layout). A callback ref, so an element that appears later is measured too.
 */
export function useElementWidth<T extends HTMLElement>(): [(element: T | null) => void, number, T | null] {
  const [element, setElement] = useState<T | null>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [setElement, width, element];
}
