import { defineContentScript } from 'wxt/utils/define-content-script';
import type { SiteAdapter } from '../sites/adapter';
import { watchPage } from '../sites/watch-page';
import { reportContact } from '../messaging/report-contact';

/** A site's content script: run its detector on the page and report what it sees. Nothing
 *  runs at import time, since WXT imports entrypoints in Node while building. */
export function siteContentScript(adapter: SiteAdapter) {
  return defineContentScript({
    matches: adapter.matches,
    main(ctx) {
      watchPage(adapter, ctx, window, reportContact);
    },
  });
}
