import { browser } from 'wxt/browser';
import type { SiteAdapter } from '../sites/adapter';

/** The id under which an optional site's content script is registered. */
export function siteScriptId(site: SiteAdapter): string {
  return `site-${site.id}`;
}

/**
 * Registers the content script of each optional site whose host permission is granted, and
 * unregisters the others — whichever way the rep granted it (our Sites page or the browser's
 * own extension menu). A site that is off runs nothing.
 */
export async function reconcileSiteScripts(sites: readonly SiteAdapter[]): Promise<void> {
  const registered = new Set(
    (await browser.scripting.getRegisteredContentScripts()).map((script) => script.id),
  );
  for (const site of sites) {
    if (site.atInstall) continue;
    const id = siteScriptId(site);
    const granted = await browser.permissions.contains({ origins: site.matches });
    if (granted && !registered.has(id)) {
      await browser.scripting.registerContentScripts([
        {
          id,
          matches: site.matches,
          js: [`content-scripts/${site.id}.js`],
          runAt: 'document_idle',
          persistAcrossSessions: true,
        },
      ]);
    } else if (!granted && registered.has(id)) {
      await browser.scripting.unregisterContentScripts({ ids: [id] });
    }
  }
}

export function watchSitePermissions(sites: readonly SiteAdapter[]): void {
  const reconcile = () =>
    void reconcileSiteScripts(sites).catch((e: unknown) =>
      console.warn('[Second Call] site scripts', e),
    );
  browser.runtime.onInstalled.addListener(reconcile);
  browser.runtime.onStartup.addListener(reconcile);
  browser.permissions.onAdded.addListener(reconcile);
  browser.permissions.onRemoved.addListener(reconcile);
}
