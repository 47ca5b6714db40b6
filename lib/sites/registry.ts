// Every supported site, one line each. Adding a site: one adapter file, one line here.
import type { ContactSnapshot } from '../model';
import type { SiteAdapter } from './adapter';
import { close } from './close';
import { gmail } from './gmail';
import { hubspot } from './hubspot';
import { linkedin } from './linkedin';
import { outlook } from './outlook';
import { pipedrive } from './pipedrive';
import { salesforce } from './salesforce';
import { zoho } from './zoho';
import { aircall } from './aircall';
import { dialpad } from './dialpad';
import { justcall } from './justcall';
import { ringcentral } from './ringcentral';
import { matchesPattern } from './match-pattern';

export const SITES: SiteAdapter[] = [
  hubspot,
  gmail,
  salesforce,
  pipedrive,
  close,
  zoho,
  linkedin,
  outlook,
  aircall,
  dialpad,
  justcall,
  ringcentral,
];

/**
 * Whether a tab at `href` still shows the record `snapshot` was read from: the same record by
 * the site's own reading of its URLs, whatever query, hash or sub-tab is added. A site that
 * cannot tell compares the URLs whole.
 */
export function stillOnRecord(
  snapshot: Pick<ContactSnapshot, 'site' | 'url'>,
  href: string,
  sites: readonly SiteAdapter[] = SITES,
): boolean {
  const site = sites.find((s) => s.id === snapshot.site);
  const recordOf = site && (site.recordOf ?? (site.detectCall && appOf(site)));
  if (!recordOf) return snapshot.url === href;
  try {
    const was = recordOf(new URL(snapshot.url));
    return was !== null && was === recordOf(new URL(href));
  } catch {
    // No URL (a page we may not see) is no record.
    return false;
  }
}

/** A dialer's record is its app: the call's party stays the contact wherever in the app the
 *  rep goes (the page says when the call ends). Read here, not in the adapter, so the site
 *  scripts, which never ask, do not carry the pattern matcher. */
function appOf(site: SiteAdapter): (url: URL) => string | null {
  return (url) => (site.matches.some((p) => matchesPattern(p, url)) ? url.origin : null);
}

/** The built file of a site's script (entrypoints/site-<id>.ts, an unlisted script): the
 *  manifest lists it for the sites granted at install, the background registers it for the
 *  others. */
export function siteScriptFile(site: Pick<SiteAdapter, 'id'>): string {
  return `site-${site.id}.js`;
}

/** The adapter whose match patterns cover `url`, if any (first listed wins). */
export function adapterFor(
  url: URL,
  sites: readonly SiteAdapter[] = SITES,
): SiteAdapter | undefined {
  return sites.find((site) => site.matches.some((pattern) => matchesPattern(pattern, url)));
}
