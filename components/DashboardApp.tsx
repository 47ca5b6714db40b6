import {
  DASHBOARD_SECTIONS,
  useDashboardSection,
  type DashboardSection,
} from '@/lib/stores/dashboard-section';
import { FollowUpQueue } from './FollowUpQueue';
import { SettingsForm } from './SettingsForm';
import { SitesSettings } from './SitesSettings';

const TITLES: Record<DashboardSection, string> = {
  queue: 'Queue',
  sites: 'Sites',
  settings: 'Settings',
};

/** The full-tab dashboard: the follow-up queue, the sites it reads, the rep's settings. */
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
        {section === 'sites' && <SitesSettings />}
        {section === 'settings' && <SettingsForm />}
        {section === 'queue' && <FollowUpQueue />}
      </main>
    </div>
  );
}
