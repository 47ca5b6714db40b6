import { defineConfig } from 'wxt';

// Sites granted at install. Every other supported site is an optional host permission.
const INSTALL_HOSTS = ['https://app.hubspot.com/*', 'https://mail.google.com/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  manifest: ({ mode, browser }) => ({
    name: 'Second Call',
    description: 'Coaches sales reps through follow-up calls on the CRMs they already use.',
    // No "tabs": host permissions already show us the URLs of the CRM tabs we read.
    permissions: [
      'storage',
      'alarms', // due follow-ups raise a notification on time
      'notifications',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    host_permissions: mode === 'demo' ? [...INSTALL_HOSTS, 'http://localhost/*'] : INSTALL_HOSTS,
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
              strict_min_version: '128.0',
              // Nothing leaves the browser.
              data_collection_permissions: { required: ['none'] },
            },
          }
        : undefined,
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; base-uri 'none'",
    },
  }),
  hooks: {
    // The demo CRM page is served from localhost: only the demo build may match it.
    'entrypoints:resolved': (wxt, entrypoints) => {
      if (wxt.config.mode === 'demo') return;
      for (const entrypoint of entrypoints) {
        if (entrypoint.name === 'demo') entrypoint.skipped = true;
      }
    },
  },
});
