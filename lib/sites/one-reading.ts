// One reading of a dialer's page asks the same question of the whole page several times (the
// rep's own line from the call and again from the party's view, recent calls, the buttons by
// name); each such scan visits every node of a page that may hold thousands. Within a reading
// the page does not change, so each scan is made once and its answer reused until the reading
// ends. Outside a reading every scan runs afresh: the detectors stay pure.

let scans: Map<string, Map<Node, Element[]>> | undefined;

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
  let ofKind = scans?.get(kind);
  if (scans && !ofKind) scans.set(kind, (ofKind = new Map()));
  const known = ofKind?.get(root);
  if (known) return known;
  const found = scan(root);
  ofKind?.set(root, found);
  return found;
}

// Elements that name themselves or have a role: where the rep's own line (a banner, a user
// menu), recent-calls lists and buttons drawn as boxes are looked for. Each attribute in a
// query tests every element of the page, where a tag has the engine's own list.
const LABELLED = '[aria-label], [aria-labelledby], [title], [role]';

/** The element a query under `root` starts from: a document's body. */
function elementOf(root: ParentNode): Element | null {
  return 'body' in root ? (root as Document).body : (root as Element);
}

/** The elements under `root` that name themselves or have a role, in document order; within a
 *  reading, a part of the page is answered from the page's one scan. */
export function labelledIn(root: ParentNode): Element[] {
  const el = elementOf(root);
  if (!el) return [];
  const page = el.ownerDocument.body;
  if (scans && page && el !== page && page.contains(el))
    return scanOnce('labelled', el, () =>
      labelledIn(page).filter((found) => found !== el && el.contains(found)),
    );
  return scanOnce('labelled', el, () => Array.from(el.querySelectorAll(LABELLED)));
}

/** The buttons under `root`, <button> and role="button" alike, in document order. */
export function buttonsIn(root: ParentNode): Element[] {
  const el = elementOf(root);
  if (!el) return [];
  return scanOnce('buttons', el, () =>
    inDocumentOrder(
      Array.from(el.getElementsByTagName('button')),
      labelledIn(el).filter((found) => found.getAttribute('role') === 'button'),
    ),
  );
}

/** Two lists, each in document order, as one. */
function inDocumentOrder(a: Element[], b: Element[]): Element[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: Element[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Element;
    const y = b[j] as Element;
    if (x === y) {
      j += 1;
    } else if (x.compareDocumentPosition(y) & 4 /* y FOLLOWS x */) {
      out.push(x);
      i += 1;
    } else {
      out.push(y);
      j += 1;
    }
  }
  return out.concat(a.slice(i), b.slice(j));
}
