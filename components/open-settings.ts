import { browser } from 'wxt/browser';

/** Opens the dashboard's Settings page in a tab: from the side panel, which has no room for it. */
export function openSettingsTab(): void {
  void browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}#settings` });
}
