// The one check every link and tab the extension opens passes: a CRM record's URL is opened
// only when it is https on a supported site's pages (the same match patterns the manifest
// grants), with no credentials in it. data:, javascript:, file:, chrome: and every other host
// are never opened, whatever a backup, a CSV or an old version stored.
import type { CrmIdentity } from '../model';
import { TEXT_LIMITS } from '../model/limits';
import type { SiteAdapter } from './adapter';
import { demo } from './demo';
import { SITES, adapterFor } from './registry';

/** The sites whose records this build opens: the demo CRM only in the demo build. */
function recordSites(): readonly SiteAdapter[] {
  return import.meta.env.MODE === 'demo' ? [...SITES, demo] : SITES;
}

/**
 * The URL to open for a stored record, or undefined when it must not be opened. `site`, when
 * given, must be the site the URL belongs to (a "hubspot" record at a Gmail address is not one).
 */
export function openableRecordUrl(
  url: unknown,
  site?: string,
  sites: readonly SiteAdapter[] = recordSites(),
): string | undefined {
  if (typeof url !== 'string' || url === '' || url.length > TEXT_LIMITS.url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.username || parsed.password) return undefined;
  // Only the demo CRM (a demo build, on localhost) is served over plain http.
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && sites.includes(demo)))
    return undefined;
  const adapter = adapterFor(parsed, sites);
  if (!adapter || (site !== undefined && adapter.id !== site)) return undefined;
  return parsed.href;
}

/** The record to open for a contact: the first of its identities whose URL may be opened on
 *  its own site, or undefined (typed in by hand, a CSV row, or nothing but refused links). */
export function openableRecordOf(
  identities: readonly Pick<CrmIdentity, 'site' | 'url'>[],
  sites: readonly SiteAdapter[] = recordSites(),
): string | undefined {
  for (const identity of identities) {
    const url = openableRecordUrl(identity.url, identity.site, sites);
    if (url) return url;
  }
  return undefined;
}
