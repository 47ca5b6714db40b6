// One reading of a dialer's page asks the same question of the whole page several times (the
// rep's own line from the call and again from the party's view, recent calls, the buttons by
// name); each such scan visits every node of a page that may hold thousands. Within a reading
// the page does not change, so each scan is made once and its answer reused until the reading
// ends. Outside a reading every scan runs afresh: the detectors stay pure.

let scans: Map<Node, Map<string, Element[]>> | undefined;

/** Runs `read` as one reading of a page that does not change meanwhile. */
export function inOneReading<T>(read: () => T): T {
  if (scans) return read();
  scans = new Map();
  try {
    return read();
  } finally {
    scans = undefined;
  }
}

/** What `scan` finds under `root`, scanned once within a reading (`kind` names the question). */
export function scanOnce<R extends Node>(
  kind: string,
  root: R,
  scan: (root: R) => Element[],
): Element[] {
  const ofRoot = scans?.get(root) ?? new Map<string, Element[]>();
  scans?.set(root, ofRoot);
  let found = ofRoot.get(kind);
  if (!found) ofRoot.set(kind, (found = scan(root)));
  return found;
}

// Elements that name themselves or have a role: where the rep's own line (a banner, a user
// menu) and recent-calls lists are looked for. Each attribute in a query tests every element
// of the page, where a tag has the engine's own list.
const LABELLED = '[aria-label], [aria-labelledby], [title], [role]';

/** The elements under `body` that name themselves or have a role, in document order. */
export function labelledIn(body: Element): Element[] {
  return scanOnce('labelled', body, () => [...body.querySelectorAll(LABELLED)]);
}

/** The buttons under `root`, <button> and role="button" alike, in document order. */
export function buttonsIn(root: ParentNode): Element[] {
  return scanOnce('buttons', root, (r) => [...r.querySelectorAll('button, [role="button"]')]);
}
