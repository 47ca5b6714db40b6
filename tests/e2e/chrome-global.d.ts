// Code passed to worker.evaluate runs inside the extension, where `chrome` is the browser API.
import type { browser } from 'wxt/browser';

declare global {
  const chrome: typeof browser;
}
