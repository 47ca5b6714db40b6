import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { sendToBackground as send } from '../messaging/report-contact';
import { offerPrepareOnPhoneLinks } from './phone-links';
import { pageState } from './page-state';
import { OVERLAY_HIDDEN_KEY, createVoicemailOverlay } from './voicemail-overlay';

/**
 * The voicemail overlay and the Prepare button, put into a page by the background when the
 * site's script asks: once the page shows a contact, or the rep reaches a phone link. Pages
 * that show neither (an inbox, a list) never load them. They draw what the site's script
 * knows (lib/content/page-state), which it keeps current.
 */
export async function showPageTools(doc: Document): Promise<void> {
  const page = pageState();
  if (page.render) return; // already here: the background may be asked twice
  page.render = () => undefined; // claimed before the first await
  // The rep removed the overlay once: it stays away (the panel keeps the timer).
  const hidden = Boolean((await browser.storage.local.get(OVERLAY_HIDDEN_KEY))[OVERLAY_HIDDEN_KEY]);
  const ended = new AbortController();
  const overlay = createVoicemailOverlay(doc, {
    start: () => send({ type: 'start-voicemail' }),
    stop: () => send({ type: 'stop-voicemail' }),
    hide: () => void browser.storage.local.set({ [OVERLAY_HIDDEN_KEY]: true }),
  });
  const phoneLinks = offerPrepareOnPhoneLinks(
    doc,
    (type, handler) => doc.addEventListener(type, handler, { signal: ended.signal }),
    (phone, name) => send({ type: 'prepare-number', phone, ...(name ? { name } : {}) }),
  );
  page.render = () => {
    overlay.setTimer(page.timer);
    overlay.setVisible(page.showsContact);
  };
  page.remove = () => {
    ended.abort();
    overlay.destroy();
    phoneLinks.destroy();
  };
  if (hidden) overlay.destroy();
  if (page.reachedLink?.isConnected) phoneLinks.offerBeside(page.reachedLink);
  page.render();
}

export const pageTools = defineUnlistedScript(() => showPageTools(document));
