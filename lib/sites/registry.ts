// Every supported site, one line each. Adding a site: one adapter file, one line here.
import type { SiteAdapter } from './adapter';
import { gmail } from './gmail';
import { hubspot } from './hubspot';
import { matchesPattern } from './match-pattern';

export const SITES: SiteAdapter[] = [hubspot, gmail];

/** The adapter whose match patterns cover `url`, if any (first listed wins). */
export function adapterFor(
  url: URL,
  sites: readonly SiteAdapter[] = SITES,
): SiteAdapter | undefined {
  return sites.find((site) => site.matches.some((pattern) => matchesPattern(pattern, url)));
}
