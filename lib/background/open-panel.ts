import { browser } from 'wxt/browser';

interface FirefoxSidebar {
  sidebarAction?: { toggle?: () => Promise<void> };
}

/** The toolbar button opens the side panel (Chrome, Edge) or toggles the sidebar (Firefox). */
export function openPanelFromToolbar(): void {
  if (browser.sidePanel?.setPanelBehavior) {
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
    return;
  }
  const firefox = browser as unknown as FirefoxSidebar;
  browser.action?.onClicked.addListener(() => void firefox.sidebarAction?.toggle?.());
}
