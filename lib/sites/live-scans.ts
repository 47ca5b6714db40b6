// Whole-page answers kept true between readings. A dialer's page is read again after every
// change (its call timer ticks each second), and each reading asks the whole page the same few
// questions several times (labelled elements, buttons, banners, the rep's own-line captions),
// each a visit of every node of a page that may hold thousands. Here an answer is kept per
// page and brought up to date from the page's own change records whenever it is asked, so a
// reading costs what changed. An answer is always what a fresh scan gives (tests/unit/sites/
// live-scans.test.ts checks that over random changes), so the detectors stay pure.

/** One whole-page question: which elements match. */
export interface ScanRule {
  /** Attributes whose change may change the answer in the element's subtree. */
  attributes: string[];
  /** Whether an element's own text decides: a change of text asks its parent again. */
  byText?: boolean;
  /** The matches under `root`, in document order: the answer a fresh scan gives. */
  scan(root: Document | Element): Element[];
  /** The matches in `node`'s subtree, `node` included, in document order. */
  within(node: Element): Element[];
}

interface LiveAnswer {
  found: Element[];
  observer: MutationObserver;
  /** Subtrees to ask again; undefined: the whole page (more changed than is worth patching). */
  changed: Set<Element> | undefined;
  removed: boolean;
}

const answers = new WeakMap<Node, Map<ScanRule, LiveAnswer>>();

function note(answer: LiveAnswer, records: MutationRecord[], byText?: boolean): void {
  for (const { type, target, addedNodes, removedNodes } of records) {
    const changed = answer.changed;
    if (!changed) return;
    // A text's change asks its parent again; an attribute's, its element and what it holds.
    const at = type === 'characterData' ? target.parentElement : (target as Element);
    if (type !== 'childList') {
      if (at) changed.add(at);
    } else {
      if (removedNodes.length > 0) answer.removed = true;
      addedNodes.forEach((node) => node.nodeType === 1 && changed.add(node as Element));
      // A text added or removed changes its parent's own text.
      if (byText && [...addedNodes, ...removedNodes].some((node) => node.nodeType === 3))
        changed.add(target as Element);
    }
    // Past a few dozen places one fresh scan is cheaper than patching; and memory stays
    // bounded however long the page changes between readings.
    if (changed.size > 32) answer.changed = undefined;
  }
}

/** Whether `a` comes before `b` in document order (an ancestor comes before its subtree). */
const before = (a: Node, b: Node) => (a.compareDocumentPosition(b) & 4) /* FOLLOWING */ !== 0;

function patch(answer: LiveAnswer, root: Document | Element, rule: ScanRule): Element[] {
  const changed = answer.changed;
  if (!changed || changed.has(root as Element)) return rule.scan(root);
  const subtrees = [...changed].filter(
    (sub) => root.contains(sub) && ![...changed].some((o) => o !== sub && o.contains(sub)),
  );
  let found = answer.found;
  // A node moved is removed and added again: entries inside a changed subtree are dropped (the
  // others keep their order), then each subtree is asked afresh.
  if (answer.removed)
    found = found.filter((el) => root.contains(el) && !subtrees.some((sub) => sub.contains(el)));
  for (const sub of subtrees) {
    let low = 0;
    let high = found.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (before(found[mid] as Element, sub)) low = mid + 1;
      else high = mid;
    }
    while (high < found.length && sub.contains(found[high] as Element)) high += 1;
    found.splice(low, high - low, ...rule.within(sub));
  }
  return found;
}

/** `rule`'s answer under `root`. A document's or its body's is kept from the last time it was
 *  asked and brought up to date with what changed since (shared: read, never changed); a part
 *  of a page is scanned afresh. */
export function scanBy(rule: ScanRule, root: Document | Element): readonly Element[] {
  if (root.nodeType !== 9 && root !== root.ownerDocument?.body) return rule.scan(root);
  const ofRoot = answers.get(root) ?? new Map<ScanRule, LiveAnswer>();
  answers.set(root, ofRoot);
  const answer = ofRoot.get(rule);
  if (answer) {
    note(answer, answer.observer.takeRecords(), rule.byText);
    if (answer.removed || answer.changed?.size !== 0) answer.found = patch(answer, root, rule);
    answer.changed = new Set();
    answer.removed = false;
    return answer.found;
  }
  const observer = new MutationObserver((records) => {
    note(live, records, rule.byText);
    // Changed past patching and not asked meanwhile: let go of the page until asked again
    // (a CRM's page is read only until its record settles).
    if (!live.changed) {
      observer.disconnect();
      ofRoot.delete(rule);
    }
  });
  // Watched before the first scan, so no change can fall between the two.
  observer.observe(root, {
    subtree: true,
    childList: true,
    characterData: rule.byText,
    attributeFilter: rule.attributes,
  });
  const live: LiveAnswer = { found: rule.scan(root), observer, changed: new Set(), removed: false };
  ofRoot.set(rule, live);
  return live.found;
}

/** The elements matching `selector` (and `keep`) under a root, as a scan rule. */
export function bySelector(
  selector: string,
  attributes: string[],
  keep: (el: Element) => boolean = () => true,
): ScanRule {
  return {
    attributes,
    scan: (root) => Array.from(root.querySelectorAll(selector)).filter(keep),
    within: (node) =>
      [node, ...Array.from(node.querySelectorAll(selector))].filter(
        (el) => el.matches(selector) && keep(el),
      ),
  };
}

// Elements that name themselves or have a role: where the rep's own line (a banner, a user
// menu) and recent-calls lists are looked for. Each attribute in a query tests every element
// of the page, where a tag has the engine's own list.
export const LABELLED = bySelector('[aria-label], [aria-labelledby], [title], [role]', [
  'aria-label',
  'aria-labelledby',
  'title',
  'role',
]);
export const BUTTONS = bySelector('button, [role="button"]', ['role']);

/** The elements under `body` that name themselves or have a role, in document order. */
export function labelledIn(body: Element): readonly Element[] {
  return scanBy(LABELLED, body);
}

/** The buttons under `root`, <button> and role="button" alike, in document order. */
export function buttonsIn(root: Document | Element): readonly Element[] {
  return scanBy(BUTTONS, root);
}

const bySelectors = new Map<string, ScanRule | null>();

/**
 * The elements `selector` finds under `root`, in document order: on a whole page, kept between
 * readings (a query naming attributes tests every element of a page that may hold thousands).
 * A selector whose matches can change without a change of their own subtree or ancestors'
 * attributes (pseudo-classes, sibling combinators) is always queried afresh.
 */
export function queryAll(root: Document | Element, selector: string): readonly Element[] {
  let rule = bySelectors.get(selector);
  if (rule === undefined) {
    const shape = selector.replace(/\[[^\]]*\]/g, '[]');
    const attributes = [...selector.matchAll(/\[\s*([\w-]+)/g)].map((m) => m[1] as string);
    if (shape.includes('.')) attributes.push('class');
    if (shape.includes('#')) attributes.push('id');
    rule = /[:+~]/.test(shape) ? null : bySelector(selector, attributes);
    bySelectors.set(selector, rule);
  }
  return rule ? scanBy(rule, root) : Array.from(root.querySelectorAll(selector));
}
