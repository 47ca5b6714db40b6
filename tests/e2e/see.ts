// Waiting assertions over Playwright locators, on Vitest's expect.poll (playwright-core
// has no expect of its own, and @playwright/test would bring a browser download along).
import { expect } from 'vitest';
import type { Locator } from 'playwright-core';

/** How long any wait may take before it gives up: waits return as soon as the thing shows, so
 *  this only decides when a loaded CI machine is declared stuck. How fast things are is
 *  `npm run bench`'s business, never a wait's. */
export const PATIENCE_MS = 120_000;
export const WAIT = { timeout: PATIENCE_MS, interval: 100 };

export async function visible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: WAIT.timeout });
}

export async function count(locator: Locator, n: number): Promise<void> {
  await expect.poll(() => locator.count(), WAIT).toBe(n);
}

export async function text(locator: Locator, expected: string | RegExp): Promise<void> {
  const read = () =>
    locator
      .first()
      .textContent({ timeout: 1000 })
      .catch(() => null);
  if (typeof expected === 'string') await expect.poll(read, WAIT).toBe(expected);
  else await expect.poll(read, WAIT).toMatch(expected);
}

export async function contains(locator: Locator, part: string): Promise<void> {
  await expect
    .poll(
      () =>
        locator
          .first()
          .textContent({ timeout: 1000 })
          .catch(() => ''),
      WAIT,
    )
    .toContain(part);
}

export async function value(locator: Locator, expected: string): Promise<void> {
  await expect
    .poll(() => locator.inputValue({ timeout: 1000 }).catch(() => null), WAIT)
    .toBe(expected);
}
