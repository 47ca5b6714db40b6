import { SITES } from '@/lib/sites/registry';
import { setSiteAllowed, useGrantedSites } from '@/lib/stores/site-permissions';

/** The supported sites, each on or off. Off costs nothing: no script runs there. */
export function SitesSettings() {
  const granted = useGrantedSites(SITES);
  if (!granted) return <p className="loading">Loading…</p>;
  return (
    <>
      <p className="hint">
        Second Call reads a page only on the sites you turn on here. HubSpot and Gmail are on from
        the start; your browser asks before any other site is added.
      </p>
      <ul className="sites" aria-label="Supported sites">
        {SITES.map((site) => (
          <li key={site.id}>
            <label>
              <input
                type="checkbox"
                checked={granted.has(site.id)}
                disabled={site.atInstall}
                onChange={(e) => void setSiteAllowed(site, e.target.checked)}
              />
              {site.name}
            </label>
            <span className="muted">
              {site.atInstall
                ? ' Always on'
                : ` ${[...new Set(site.matches.map((m) => new URL(m.replace('*.', '')).host))].join(', ')}`}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
