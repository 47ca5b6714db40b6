// Whether the rep can see an element. A CRM keeps cached views of earlier records, templates
// and closed popovers in the page: what is not rendered for the rep is never evidence.
// Pure: reads only the element, its ancestors and their styles.

// Positioned this far off the page, a box is out of the rep's sight (the "off-screen" idiom).
const OFF_SCREEN_PX = -1000;

function offScreen(style: CSSStyleDeclaration): boolean {
  if (style.position !== 'absolute' && style.position !== 'fixed') return false;
  return ['left', 'top', 'right'].some((side) => {
    const px = Number.parseFloat(style.getPropertyValue(side));
    return Number.isFinite(px) && px <= OFF_SCREEN_PX;
  });
}

/** A style that hides its element (and so everything under it). */
function hides(style: CSSStyleDeclaration | undefined): boolean {
  if (!style) return false;
  if (style.display === 'none') return true;
  if (style.visibility === 'hidden' || style.visibility === 'collapse') return true;
  if (style.getPropertyValue('content-visibility') === 'hidden') return true;
  if (style.opacity !== '' && Number(style.opacity) === 0) return true;
  return offScreen(style);
}

/** What the element says about itself, without layout: attributes and its inline style. */
function hiddenByMarkup(el: Element): boolean {
  if (el.tagName === 'TEMPLATE') return true;
  if (el.hasAttribute('hidden') || el.hasAttribute('inert')) return true;
  // A region hidden from assistive technology is a cached or background view; a leaf of text
  // marked so is the visual twin of a screen-reader copy (LinkedIn shows its names that way).
  if (el.getAttribute('aria-hidden') === 'true' && el.childElementCount > 0) return true;
  // A closed <details> shows only its summary.
  const details = el.parentElement;
  if (details?.tagName === 'DETAILS' && !details.hasAttribute('open') && el.tagName !== 'SUMMARY')
    return true;
  // Reading `style` parses the attribute: only where there is one.
  return el.hasAttribute('style') && hides((el as HTMLElement).style);
}

// Whether the document has layout (a real browser): a DOM shim measures every box as 0 × 0.
const layoutOf = new WeakMap<Document, boolean>();
function hasLayout(doc: Document): boolean {
  let known = layoutOf.get(doc);
  if (known === undefined) {
    const root = doc.documentElement?.getBoundingClientRect?.();
    known = !!root && root.width > 0;
    layoutOf.set(doc, known);
  }
  return known;
}

/** Whether style sheets could hide something: without any, inline styles say it all. Asked of
 *  every element a rule wants shown: by tag, as the engine keeps a list per tag where a query
 *  would walk a page of thousands each time. */
function hasStyleSheets(doc: Document): boolean {
  return (
    doc.getElementsByTagName('style').length > 0 ||
    [...doc.getElementsByTagName('link')].some((link) => /(^|\s)stylesheet(\s|$)/i.test(link.rel))
  );
}

type Checkable = Element & {
  checkVisibility?: (options?: Record<string, boolean>) => boolean;
};

/** In a real browser: the engine's own answer for display, visibility, content-visibility and
 *  opacity through every ancestor, and a box that lies wholly off the document is off-screen. */
function shownWithLayout(el: Element): boolean {
  const native = (el as Checkable).checkVisibility;
  if (
    typeof native === 'function' &&
    !native.call(el, { checkVisibilityCSS: true, checkOpacity: true, contentVisibilityAuto: true })
  )
    return false;
  const box = el.getBoundingClientRect();
  if (box.width === 0 && box.height === 0 && el.getClientRects().length === 0) return false;
  // Document coordinates: a record the rep scrolled past is still on the page.
  const view = el.ownerDocument.defaultView;
  const left = box.right + (view?.scrollX ?? 0);
  const top = box.bottom + (view?.scrollY ?? 0);
  return left > 0 && top > 0;
}

/**
 * Whether the rep can see `el`: not hidden by an attribute (`hidden`, `inert`, a region
 * `aria-hidden="true"`), not in a template or a closed <details>, not styled away (display,
 * visibility, content-visibility, opacity 0, off-screen — inline or from a style sheet), and,
 * where the page has layout, not a zero-size box. Linear in the element's depth: a page
 * thousands of elements deep is read as fast as any other.
 */
export function isShown(el: Element): boolean {
  const doc = el.ownerDocument;
  const laidOut = hasLayout(doc);
  if (laidOut && !shownWithLayout(el)) return false;
  // Without layout (a DOM shim), computed styles stand in for the engine's answer.
  const view = !laidOut && hasStyleSheets(doc) ? doc.defaultView : null;
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (hiddenByMarkup(node)) return false;
    if (view && hides(view.getComputedStyle(node))) return false;
  }
  return true;
}

/** Whether `el` alone (not its ancestors) is hidden: for walking a subtree already shown. */
export function hidesItself(el: Element): boolean {
  if (hiddenByMarkup(el)) return true;
  const doc = el.ownerDocument;
  // A real browser computes every element's style anyway; a shim only where sheets exist.
  const view = hasLayout(doc) || hasStyleSheets(doc) ? doc.defaultView : null;
  return !!view && hides(view.getComputedStyle(el));
}

/** The elements `selector` finds under `root` that the rep can see, in document order. */
export function shownAll(root: ParentNode, selector: string): Element[] {
  return Array.from(root.querySelectorAll(selector)).filter(isShown);
}

/** The first element `selector` finds under `root` that the rep can see. */
export function shownFirst(root: ParentNode, selector: string): Element | null {
  for (const el of Array.from(root.querySelectorAll(selector))) if (isShown(el)) return el;
  return null;
}
