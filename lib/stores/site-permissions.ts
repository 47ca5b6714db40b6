import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { SiteAdapter } from '../sites/adapter';

/** Which of these sites the rep has allowed, kept current when they change it anywhere. */
export function useGrantedSites(sites: readonly SiteAdapter[]): Set<string> | undefined {
  const [granted, setGranted] = useState<Set<string>>();
  useEffect(() => {
    let live = true;
    const refresh = async () => {
      const allowed = new Set<string>();
      for (const site of sites) {
        if (await browser.permissions.contains({ origins: site.matches })) allowed.add(site.id);
      }
      if (live) setGranted(allowed);
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
  return granted;
}

/** Turns a site on (the browser asks the rep) or off. Must run inside the click. */
export async function setSiteAllowed(site: SiteAdapter, allowed: boolean): Promise<boolean> {
  if (site.atInstall) return true;
  return allowed
    ? browser.permissions.request({ origins: site.matches })
    : browser.permissions.remove({ origins: site.matches }).then((removed) => !removed);
}
