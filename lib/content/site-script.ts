import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { SiteAdapter } from '../sites/adapter';
import { watchPage } from '../sites/watch-page';
import type { MessageBGtoCS } from '../messaging/protocol';
import { reportContact, sendToBackground as send } from '../messaging/report-contact';
import { pageLifetime } from './page-lifetime';
import { pageState } from './page-state';
import { onPhoneLinkReached } from './reach';
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
    // A phone link the rep points at or tabs to (never the page's own events): the tools
    // offer Prepare beside it.
    onPhoneLinkReached(
      (type, handler) => life.listen(document, type, handler),
      (link) => {
        if (page.render) return;
        page.reachedLink = link;
        tools();
      },
    );
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
