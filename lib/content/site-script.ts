import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { SiteAdapter } from '../sites/adapter';
import { watchPage } from '../sites/watch-page';
import type { MessageBGtoCS } from '../messaging/protocol';
import { reportContact, sendToBackground as send } from '../messaging/report-contact';
import { pageLifetime } from './page-lifetime';
import { pageState } from './page-state';
import { reachedPhoneLink } from './reach';
import { isVoicemailShortcut } from './voicemail-overlay';

/**
 * A site's script, on every page the site matches: read the page with its detector and
 * report what it sees. All it carries is the detector and this glue; the overlay and the
 * Prepare button (lib/content/page-tools) are loaded into the page by the background only
 * once it shows a contact or the rep reaches a phone link. Nothing runs at import time,
 * since WXT imports entrypoints in Node while building.
 *
 * Built as an unlisted script (no WXT content-script wrapper, which alone would be a fifth of
 * the size budget); the manifest or the background registers it (site-scripts.ts).
 */
export function siteScript(adapter: SiteAdapter) {
  return defineUnlistedScript(() => {
    const life = pageLifetime(window, adapter.id, () => browser.runtime);
    const page = pageState();
    let askedAt = -Infinity;
    const tools = () => {
      if (page.render) return page.render();
      // Asked already: the tools render the state when they arrive (asked again only if
      // they did not, e.g. the service worker was stopped mid-request).
      if (Date.now() - askedAt < 2000) return;
      askedAt = Date.now();
      send({ type: 'page-tools' });
    };
    life.onEnd(() => page.remove?.());

    watchPage(
      adapter,
      life,
      window,
      (snapshot) => {
        reportContact(snapshot);
        page.showsContact = snapshot !== null;
        if (page.showsContact) tools();
        else page.render?.();
      },
      undefined,
      (call) => send({ type: 'call-state', call }),
    );
    // A phone link the rep points at or tabs to: the tools offer Prepare beside it. Only the
    // rep's own input counts: a page that dispatches a mouseover on its link loads nothing.
    const reach = (e: Event) => {
      const link = reachedPhoneLink(e);
      if (!link || page.render) return;
      page.reachedLink = link;
      tools();
    };
    life.listen(document, 'mouseover', reach);
    life.listen(document, 'focusin', reach);
    life.listen(document, 'keydown', (e) => {
      if (isVoicemailShortcut(e)) send({ type: 'start-voicemail' });
    });
    browser.runtime.onMessage.addListener((message: MessageBGtoCS, sender) => {
      // Only our own background may drive the overlay.
      if (!life.isValid || sender.id !== browser.runtime.id) return;
      if (message?.type !== 'voicemail-timer') return;
      page.timer = message.state;
      page.render?.();
    });
  });
}
