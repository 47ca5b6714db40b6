import type { ContactSnapshot } from '../model';
import { normalizePhone } from '../db/identity';
import { SITES } from '../sites/registry';
import type { SiteAdapter } from '../sites/adapter';

function recordOfUrl(site: SiteAdapter | undefined, url: string): string | null {
  try {
    return site?.recordOf?.(new URL(url)) ?? null;
  } catch {
    return null;
  }
}

/**
 * The record or thread a choice of the rep's sticks to, `${site}:${record}`: the site's own
 * reading of the URL (a mail thread stays the thread whoever the page names in it), else the
 * snapshot's record id. A dialer's URL is its whole app, every call alike: there the call's
 * number names the record.
 */
export function choiceRecordOf(
  snapshot: Pick<ContactSnapshot, 'site' | 'recordId' | 'url'>,
  sites: readonly SiteAdapter[] = SITES,
): string {
  const site = sites.find((s) => s.id === snapshot.site);
  const record = site?.detectCall ? null : recordOfUrl(site, snapshot.url);
  return `${snapshot.site}:${record ?? snapshot.recordId}`;
}

/** The record a choice among the holders of a number sticks to: that number on that page. */
export function numberRecordOf(
  siteId: string,
  url: string | undefined,
  phone: string,
  sites: readonly SiteAdapter[] = SITES,
): string {
  const site = sites.find((s) => s.id === siteId);
  const record = site?.detectCall || !url ? null : recordOfUrl(site, url);
  return `${siteId}:${record ?? ''}#tel:${normalizePhone(phone)}`;
}
