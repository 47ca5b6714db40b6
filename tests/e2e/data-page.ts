// The dashboard's Data page, as the import and export tests open and read it.
import type { Locator, Page } from 'playwright-core';
import type { ExtensionSession } from './harness';
import { visible } from './see';

export async function openDataPage(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html#data`);
  await visible(page.getByRole('button', { name: 'Export JSON' }));
  return page;
}

/** The import preview's row for one contact. */
export function previewRow(page: Page, name: string): Locator {
  return page
    .getByRole('table', { name: 'Import preview' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name }) });
}
