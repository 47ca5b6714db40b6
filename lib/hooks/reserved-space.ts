import { useLayoutEffect, type RefObject } from 'react';

/** A bar pinned to the panel's top or bottom covers what scrolls under it: its height, kept
 *  in a CSS variable on the page (`--top-bar`, `--bottom-bar`), pads the page and the
 *  scrolling to a focused field, so nothing ends up hidden beneath it. */
export function useReservedSpace(
  ref: RefObject<HTMLElement | null>,
  variable: '--top-bar' | '--bottom-bar',
  shown = true,
): void {
  useLayoutEffect(() => {
    const bar = ref.current;
    const root = document.documentElement;
    if (!shown || !bar) return;
    const reserve = () => root.style.setProperty(variable, `${bar.offsetHeight}px`);
    reserve();
    const observer =
      typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(reserve);
    observer?.observe(bar);
    return () => {
      observer?.disconnect();
      root.style.removeProperty(variable);
    };
  }, [ref, variable, shown]);
}
