import { useEffect, useRef } from 'react';
import type { SiteAdapter } from '@/lib/sites/adapter';
import { SITES } from '@/lib/sites/registry';
import { setSiteAllowed, useSiteAccess, type SiteAccess } from '@/lib/hooks/site-permissions';

const hostsOf = (site: SiteAdapter) =>
  [...new Set(site.matches.map((m) => new URL(m.replace('*.', '')).host))].join(', ');

/** The supported sites, each on or off. Off costs nothing: no script runs there. */
export function SitesSettings() {
  const access = useSiteAccess(SITES);
  if (!access) return <p className="loading">Loading…</p>;
  return (
    <>
      <p className="hint">
        Second Call reads a page only on the sites you turn on here. HubSpot and Gmail are on from
        the start; your browser asks before any other site is added.
      </p>
      <ul className="sites" aria-label="Supported sites">
        {SITES.map((site) => (
          <SiteChoice key={site.id} site={site} access={access.get(site.id) ?? 'off'} />
        ))}
      </ul>
    </>
  );
}

function SiteChoice({ site, access }: { site: SiteAdapter; access: SiteAccess }) {
  const box = useRef<HTMLInputElement>(null);
  // "Partly" is the checkbox's mixed state: checking it allows every address.
  useEffect(() => {
    if (box.current) box.current.indeterminate = access === 'partly';
  }, [access]);
  return (
    <li>
      <label>
        <input
          ref={box}
          type="checkbox"
          checked={access === 'on'}
          disabled={site.atInstall}
          onChange={(e) => void setSiteAllowed(site, e.target.checked)}
        />
        {site.name}
      </label>
      <span className="muted">{site.atInstall ? ' Always on' : ` ${hostsOf(site)}`}</span>
      {access === 'partly' && (
        <p className="hint">On for some of its addresses only: check it to allow them all.</p>
      )}
    </li>
  );
}
