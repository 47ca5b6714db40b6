import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { trackContacts } from '@/lib/background/track-contacts';
import { openPanelFromToolbar } from '@/lib/background/open-panel';
import { answerTaskKnocks, watchDueTasks } from '@/lib/background/due-alarms';
import { watchVoicemailShortcut } from '@/lib/background/voicemail-shortcut';
import { seedDemoData } from '@/lib/db/demo-seed';
import { SITES, adapterFor } from '@/lib/sites/registry';
import { watchSitePermissions } from '@/lib/background/site-scripts';
import { demo } from '@/lib/sites/demo';
import { matchesPattern } from '@/lib/sites/match-pattern';

const isDemo = import.meta.env.MODE === 'demo';

function siteOfUrl(url: URL): string | undefined {
  const adapter = adapterFor(url);
  if (adapter) return adapter.id;
  return isDemo && demo.matches.some((p) => matchesPattern(p, url)) ? demo.id : undefined;
}

export default defineBackground(() => {
  trackContacts(siteOfUrl);
  openPanelFromToolbar();
  answerTaskKnocks(watchDueTasks());
  watchVoicemailShortcut();
  watchSitePermissions(SITES);
  if (isDemo) browser.runtime.onInstalled.addListener(() => void seedDemoData());
});
