import { defineConfig } from 'wxt';
import { SITES, siteScriptFile } from './lib/sites/registry';
import { demo } from './lib/sites/demo';
import { extensionPagesCsp } from './lib/manifest/content-security-policy';

// HubSpot and Gmail are granted at install; every other supported site is an optional host
// permission the rep turns on from the dashboard's Sites page.
const INSTALL_HOSTS = SITES.filter((s) => s.atInstall).flatMap((s) => s.matches);
const OPTIONAL_HOSTS = SITES.filter((s) => !s.atInstall).flatMap((s) => s.matches);

// Site scripts are unlisted scripts (lib/content/site-script.ts says why), so the manifest
// lists those of the sites granted at install itself; the others are registered at runtime.
function installScripts(mode: string) {
  const sites = [...SITES.filter((s) => s.atInstall), ...(mode === 'demo' ? [demo] : [])];
  return sites.map((site) => ({
    matches: site.matches,
    js: [siteScriptFile(site)],
    run_at: 'document_idle' as const,
  }));
}

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  // Workers are single files: what a page loads later (the phone library for an old
  // database's upgrade) is part of a worker from the start.
  vite: () => ({ worker: { rollupOptions: { output: { inlineDynamicImports: true } } } }),
  manifest: ({ mode, browser, command }) => ({
    name: 'Second Call',
    description: 'Coaches sales reps through follow-up calls on the CRMs they already use.',
    // No "tabs": host permissions already show us the URLs of the CRM tabs we read.
    permissions: [
      'storage',
      'unlimitedStorage', // years of notes and call history must not be evicted or capped
      'alarms', // due follow-ups raise a notification on time
      'notifications',
      'scripting', // content scripts of optional sites are registered once the rep allows them
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    host_permissions: mode === 'demo' ? [...INSTALL_HOSTS, 'http://localhost/*'] : INSTALL_HOSTS,
    optional_host_permissions: OPTIONAL_HOSTS,
    content_scripts: installScripts(mode),
    action: { default_title: 'Open Second Call' },
    commands: {
      'start-voicemail-timer': {
        suggested_key: { default: 'Alt+Shift+V' },
        description: 'Start the 30-second voicemail timer',
      },
    },
    browser_specific_settings:
      browser === 'firefox'
        ? {
            gecko: {
              id: 'second-call@second-call.app',
              strict_min_version: '142.0',
              // Nothing leaves the browser.
              data_collection_permissions: { required: ['none'] },
            },
          }
        : undefined,
    content_security_policy: { extension_pages: extensionPagesCsp(command) },
  }),
  hooks: {
    // WXT adds the hosts of runtime-registered scripts to host_permissions; those are
    // optional here, granted one by one by the rep.
    'build:manifestGenerated': (wxt, manifest) => {
      manifest.host_permissions = (manifest.host_permissions ?? []).filter(
        (host: string) => !OPTIONAL_HOSTS.includes(host),
      );
    },
    // Entrypoints that exist only in one build mode: the demo CRM's content script (it
    // matches localhost) and the benchmark page. Production ships neither.
    'entrypoints:resolved': (wxt, entrypoints) => {
      const onlyIn: Record<string, string> = { 'site-demo': 'demo', bench: 'bench' };
      for (const entrypoint of entrypoints) {
        const mode = onlyIn[entrypoint.name];
        if (mode && wxt.config.mode !== mode) entrypoint.skipped = true;
      }
    },
  },
});
