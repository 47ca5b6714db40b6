import {
  DASHBOARD_SECTIONS,
  useDashboardSection,
  type DashboardSection,
} from '@/lib/stores/dashboard-section';
import { DataPage } from './DataPage';
import { FollowUpQueue } from './FollowUpQueue';
import { InsightsPage } from './InsightsPage';
import { SettingsForm } from './SettingsForm';
import { SitesSettings } from './SitesSettings';
import { StorageSummary } from './StorageSummary';

const TITLES: Record<DashboardSection, string> = {
  queue: 'Queue',
  insights: 'Insights',
  sites: 'Sites',
  settings: 'Settings',
  data: 'Data',
};

/** The full-tab dashboard: queue, insights, sites, settings and the rep's data. */
export function DashboardApp() {
  const [section, setSection] = useDashboardSection();
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
        <h1>{TITLES[section]}</h1>
        {section === 'insights' && <InsightsPage />}
        {section === 'sites' && <SitesSettings />}
        {section === 'settings' && (
          <>
            <SettingsForm />
            <StorageSummary />
          </>
        )}
        {section === 'data' && <DataPage />}
        {section === 'queue' && <FollowUpQueue />}
      </main>
    </div>
  );
}
