// Every supported site, one line each. Adding a site: one adapter file, one line here.
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

/** The adapter whose match patterns cover `url`, if any (first listed wins). */
export function adapterFor(
  url: URL,
  sites: readonly SiteAdapter[] = SITES,
): SiteAdapter | undefined {
  return sites.find((site) => site.matches.some((pattern) => matchesPattern(pattern, url)));
}
