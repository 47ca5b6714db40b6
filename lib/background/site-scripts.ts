import { browser } from 'wxt/browser';
import type { SiteAdapter } from '../sites/adapter';
import { siteScriptFile } from '../sites/registry';

/** The id under which an optional site's content script is registered. */
export function siteScriptId(site: SiteAdapter): string {
  return `site-${site.id}`;
}

/** The site's patterns the rep has granted: a new version may add hosts they have not allowed
 *  yet, and the script keeps running on the ones they have. */
async function grantedMatches(site: SiteAdapter): Promise<string[]> {
  const granted: string[] = [];
  for (const pattern of site.matches) {
    if (await browser.permissions.contains({ origins: [pattern] })) granted.push(pattern);
  }
  return granted;
}

const sameList = (a: readonly string[] | undefined, b: readonly string[]) =>
  !!a && a.length === b.length && a.every((item, i) => item === b[i]);

/**
 * Registers the content script of each optional site whose host permission is granted, and
 * unregisters the others — whichever way the rep granted it (our Sites page or the browser's
 * own extension menu). A script registered by an earlier version whose patterns or file have
 * changed since is updated. A site that is off runs nothing.
 */
export async function reconcileSiteScripts(sites: readonly SiteAdapter[]): Promise<void> {
  const registered = new Map(
    (await browser.scripting.getRegisteredContentScripts()).map((script) => [script.id, script]),
  );
  for (const site of sites) {
    if (site.atInstall) continue;
    const id = siteScriptId(site);
    const matches = await grantedMatches(site);
    const known = registered.get(id);
    const script = { id, matches, js: [siteScriptFile(site)] };
    if (matches.length === 0) {
      if (known) await browser.scripting.unregisterContentScripts({ ids: [id] });
    } else if (!known) {
      await browser.scripting.registerContentScripts([
        { ...script, runAt: 'document_idle', persistAcrossSessions: true },
      ]);
    } else if (!sameList(known.matches, script.matches) || !sameList(known.js, script.js)) {
      await browser.scripting.updateContentScripts([script]);
    }
  }
}

/** Reconciles at install or update, at browser start, and whenever a permission changes. One
 *  at a time: two at once would both register the same script, and the second would fail. */
export function watchSitePermissions(sites: readonly SiteAdapter[]): void {
  let last = Promise.resolve();
  const reconcile = () => {
    last = last
      .then(() => reconcileSiteScripts(sites))
      .catch((e: unknown) => console.warn('[Second Call] site scripts', e));
  };
  browser.runtime.onInstalled.addListener(reconcile);
  browser.runtime.onStartup.addListener(reconcile);
  browser.permissions.onAdded.addListener(reconcile);
  browser.permissions.onRemoved.addListener(reconcile);
}
