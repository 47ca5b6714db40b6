import { useEffect, useState } from 'react';

/** Pages of the dashboard, in the order of its navigation. */
export const DASHBOARD_SECTIONS = ['queue', 'insights', 'sites', 'settings', 'data'] as const;
export type DashboardSection = (typeof DASHBOARD_SECTIONS)[number];

function sectionOfHash(hash: string): DashboardSection {
  const wanted = hash.replace(/^#/, '');
  return (DASHBOARD_SECTIONS as readonly string[]).includes(wanted)
    ? (wanted as DashboardSection)
    : DASHBOARD_SECTIONS[0];
}

/** The section named in the URL hash, so a link (or a notification) can open one. */
export function useDashboardSection(): [DashboardSection, (s: DashboardSection) => void] {
  const [section, setSection] = useState(() => sectionOfHash(location.hash));
  useEffect(() => {
    const onHash = () => setSection(sectionOfHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return [section, (s) => (location.hash = s)];
}
