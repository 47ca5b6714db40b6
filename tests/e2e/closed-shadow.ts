// The extension's page controls (Prepare, the voicemail pill) live in closed shadow roots,
// which the page's scripts cannot reach — and neither can Playwright's locators. The test
// finds them as the browser does, through DevTools (which sees every shadow root), and
// presses them with real input (page.mouse), the only input they answer.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { WAIT } from './see';

interface DomNode {
  backendNodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function attributeOf(node: DomNode, name: string): string | undefined {
  const list = node.attributes ?? [];
  for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1];
  return undefined;
}

function* walk(node: DomNode): Generator<DomNode> {
  yield node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) yield* walk(child);
}

/** Where the page shows elements with this attribute value (inside shadow roots too), as the
 *  centres of their boxes; an element not laid out is left out. */
export async function shownAt(
  page: Page,
  attribute: string,
  value: string,
): Promise<{ x: number; y: number }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: DomNode;
    };
    const found: { x: number; y: number }[] = [];
    for (const node of walk(root)) {
      if (attributeOf(node, attribute) !== value) continue;
      const box = await cdp
        .send('DOM.getBoxModel', { backendNodeId: node.backendNodeId })
        .catch(() => null);
      const quad = (box as { model?: { border: number[] } } | null)?.model?.border;
      if (!quad) continue;
      const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = quad;
      if (x3 - x1 > 0 && y3 - y1 > 0) found.push({ x: (x1 + x3) / 2, y: (y1 + y3) / 2 });
    }
    return found;
  } finally {
    await cdp.detach();
  }
}

/** How many of the extension's controls with this accessible label the page shows. */
export async function labelledCount(page: Page, label: string): Promise<number> {
  return (await shownAt(page, 'aria-label', label)).length;
}

/** Waits until `n` elements with this attribute value show (e.g. role="timer"). */
export async function countShown(
  page: Page,
  attribute: string,
  value: string,
  n: number,
): Promise<void> {
  await expect.poll(async () => (await shownAt(page, attribute, value)).length, WAIT).toBe(n);
}

/** Waits until `n` controls labelled `label` show. */
export async function countLabelled(page: Page, label: string, n: number): Promise<void> {
  await countShown(page, 'aria-label', label, n);
}

/** The rep clicks the control labelled `label` (a real mouse click), once it shows. */
export async function repClicks(page: Page, label: string): Promise<void> {
  await expect.poll(() => labelledCount(page, label), WAIT).toBeGreaterThan(0);
  const [at] = await shownAt(page, 'aria-label', label);
  await page.mouse.click(at!.x, at!.y);
}
