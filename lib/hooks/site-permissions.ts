import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { SiteAdapter } from '../sites/adapter';

/** Whether Second Call may read a site: on all of its addresses, some (the rep allowed one
 *  in the browser's own menu, or a new version added an address), or none. */
export type SiteAccess = 'on' | 'partly' | 'off';

async function accessTo(site: SiteAdapter): Promise<SiteAccess> {
  let granted = 0;
  for (const pattern of site.matches) {
    if (await browser.permissions.contains({ origins: [pattern] })) granted += 1;
  }
  return granted === 0 ? 'off' : granted === site.matches.length ? 'on' : 'partly';
}

/** Each site's access, by site id, kept current when the rep changes it anywhere. */
export function useSiteAccess(
  sites: readonly SiteAdapter[],
): ReadonlyMap<string, SiteAccess> | undefined {
  const [access, setAccess] = useState<ReadonlyMap<string, SiteAccess>>();
  useEffect(() => {
    let live = true;
    const refresh = async () => {
      const next = new Map<string, SiteAccess>();
      for (const site of sites) next.set(site.id, await accessTo(site));
      if (live) setAccess(next);
    };
    void refresh();
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      live = false;
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, [sites]);
  return access;
}

/** Turns a site on (the browser asks the rep) or off. Must run inside the click. */
export async function setSiteAllowed(site: SiteAdapter, allowed: boolean): Promise<boolean> {
  if (site.atInstall) return true;
  return allowed
    ? browser.permissions.request({ origins: site.matches })
    : browser.permissions.remove({ origins: site.matches }).then((removed) => !removed);
}
