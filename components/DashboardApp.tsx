import { useRef, type ReactNode } from 'react';
import {
  DASHBOARD_SECTIONS,
  useDashboardSection,
  type DashboardSection,
} from '@/lib/hooks/dashboard-section';
import { DataPage } from './DataPage';
import { FollowUpQueue } from './FollowUpQueue';
import { InsightsPage } from './InsightsPage';
import { SettingsForm } from './SettingsForm';
import { SitesSettings } from './SitesSettings';
import { StorageSummary } from './StorageSummary';
import { PartBoundary } from './PartBoundary';
import { SettingsWarning } from './SettingsWarning';

const TITLES: Record<DashboardSection, string> = {
  queue: 'Queue',
  insights: 'Insights',
  sites: 'Sites',
  settings: 'Settings',
  data: 'Data',
};

/** What each page shows, for the message when a record keeps it from showing. */
const WHAT: Record<DashboardSection, string> = {
  queue: 'the follow-up queue',
  insights: 'the insights from your logged calls',
  sites: 'the list of sites',
  settings: 'your settings',
  data: 'your data and its backups',
};

/** The full-tab dashboard: queue, insights, sites, settings and the rep's data. Each page
 *  fails on its own (PartBoundary): the navigation and the other pages keep working. */
export function DashboardApp() {
  const [section, setSection] = useDashboardSection();
  const heading = useRef<HTMLHeadingElement>(null);
  const openSettings = () => {
    setSection('settings');
    // The button pressed is gone with the page it was on: the new page's heading takes focus.
    requestAnimationFrame(() => heading.current?.focus());
  };
  const page = (s: DashboardSection, children: ReactNode) =>
    section === s && (
      <PartBoundary key={s} what={WHAT[s]} openSettings={openSettings}>
        {children}
      </PartBoundary>
    );
  return (
    <div className="dashboard">
      <nav aria-label="Dashboard">
        <strong className="brand">Second Call</strong>
        <ul>
          {DASHBOARD_SECTIONS.map((s) => (
            <li key={s}>
              <a
                href={`#${s}`}
                aria-current={s === section ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  setSection(s);
                }}
              >
                {TITLES[s]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        <SettingsWarning openSettings={openSettings} />
        <h1 ref={heading} tabIndex={-1}>
          {TITLES[section]}
        </h1>
        {page('insights', <InsightsPage />)}
        {page('sites', <SitesSettings />)}
        {page(
          'settings',
          <>
            <SettingsForm />
            <StorageSummary />
          </>,
        )}
        {page('data', <DataPage />)}
        {page('queue', <FollowUpQueue />)}
      </main>
    </div>
  );
}
