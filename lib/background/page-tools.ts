import { browser } from 'wxt/browser';

/** Built from entrypoints/page-tools.ts. */
const PAGE_TOOLS_FILE = '/page-tools.js';

/**
 * Puts the voicemail overlay and the Prepare button into the top frame of a tab whose site
 * script asked (its sender is validated before this). The site's host permission, granted
 * for its script to run at all, is what allows it. A page that forbids it loses only the
 * overlay: the panel has the same timer.
 */
export async function injectPageTools(tabId: number): Promise<void> {
  try {
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      files: [PAGE_TOOLS_FILE],
    });
  } catch (error) {
    console.warn('[Second Call] could not add the overlay to this page', error);
  }
}
