import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { SiteAdapter } from '../sites/adapter';
import { watchPage } from '../sites/watch-page';
import type { MessageBGtoCS } from '../messaging/protocol';
import { reportContact, sendToBackground as send } from '../messaging/report-contact';
import { offerPrepareOnPhoneLinks } from './phone-links';
import {
  OVERLAY_HIDDEN_KEY,
  createVoicemailOverlay,
  isVoicemailShortcut,
} from './voicemail-overlay';

/** A site's content script: read the page with its detector, report what it sees, and offer
 *  the voicemail timer on a record. Nothing runs at import time, since WXT imports
 *  entrypoints in Node while building. */
export function siteContentScript(adapter: SiteAdapter) {
  return defineContentScript({
    matches: adapter.matches,
    // Optional sites are registered at runtime, and only once their permission is granted.
    registration: adapter.atInstall ? 'manifest' : 'runtime',
    async main(ctx) {
      const overlay = createVoicemailOverlay(document, {
        start: () => send({ type: 'start-voicemail' }),
        stop: () => send({ type: 'stop-voicemail' }),
        hide: () => void browser.storage.local.set({ [OVERLAY_HIDDEN_KEY]: true }),
      });
      ctx.onInvalidated(() => overlay.destroy());
      const hidden = Boolean(
        (await browser.storage.local.get(OVERLAY_HIDDEN_KEY))[OVERLAY_HIDDEN_KEY],
      );
      if (hidden) overlay.destroy();

      watchPage(
        adapter,
        ctx,
        window,
        (snapshot) => {
          reportContact(snapshot);
          overlay.setVisible(snapshot !== null);
        },
        undefined,
        (call) => send({ type: 'call-state', call }),
      );
      const phoneLinks = offerPrepareOnPhoneLinks(
        document,
        (type, handler) => ctx.addEventListener(document, type, handler),
        (phone, name) => send({ type: 'prepare-number', phone, ...(name ? { name } : {}) }),
      );
      ctx.onInvalidated(() => phoneLinks.destroy());
      browser.runtime.onMessage.addListener((message: MessageBGtoCS, sender) => {
        // Only our own background may drive the overlay.
        if (sender.id !== browser.runtime.id || message?.type !== 'voicemail-timer') return;
        overlay.setTimer(message.state);
      });
      ctx.addEventListener(document, 'keydown', (e) => {
        if (isVoicemailShortcut(e)) send({ type: 'start-voicemail' });
      });
    },
  });
}
