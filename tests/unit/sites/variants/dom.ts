// DOM helpers for building variants: find where a value is shown, rewrite one person into
// another in text and attributes, find the page's regions.
import { cleanText, MAX_TEXT } from '../../../../lib/sites/read-page';
import { digitsOf, isPhoneText, type Person } from './people';

const NEVER_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'TITLE']);
// Attributes that carry no person (rewriting them would only churn the markup).
const NOT_PERSON_ATTRIBUTES = new Set(['class', 'style', 'id']);

export const norm = (text: string | null | undefined): string => cleanText(text).toLowerCase();

/** Text nodes under `root`, outside scripts, styles and templates. */
export function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) out.push(child as Text);
      else if (child.nodeType === 1 && !NEVER_TEXT.has((child as Element).tagName)) walk(child);
    }
  };
  walk(root);
  return out;
}

/** `root` (when an element) and every element under it. */
export function elementsIn(root: Element | DocumentFragment): Element[] {
  const all = Array.from(root.querySelectorAll('*'));
  return root.nodeType === 1 ? [root as Element, ...all] : all;
}

/** Rewrites every text node and every (person-bearing) attribute value under `root`. */
export function rewrite(root: Element | DocumentFragment, fn: (text: string) => string): void {
  for (const node of textNodes(root)) {
    const next = fn(node.data);
    if (next !== node.data) node.data = next;
  }
  for (const el of elementsIn(root)) {
    for (const attr of Array.from(el.attributes)) {
      if (NOT_PERSON_ATTRIBUTES.has(attr.name)) continue;
      const next = fn(attr.value);
      if (next !== attr.value) el.setAttribute(attr.name, next);
    }
  }
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A pattern for `text` as a page may lay it out: any run of whitespace between words. */
// A value cut at MAX_TEXT (a hostile page's flood) stands for the whole run of text it starts.
const loosely = (text: string): RegExp => {
  const clean = cleanText(text);
  const cut = Array.from(clean).length >= MAX_TEXT - 5 ? '[^\\n]*' : '';
  return new RegExp(clean.split(' ').map(escape).join('\\s+') + cut, 'giu');
};

const PHONE_RUN = /\+?\d[\d\s().\u00a0-]{5,}\d/g;

/** A function turning `from` into `to` wherever `from`'s values appear in a string. */
export function personSwap(from: Person, to: Person): (text: string) => string {
  const steps: ((text: string) => string)[] = [];
  if (from.email && to.email) {
    const pattern = new RegExp(escape(from.email), 'giu');
    steps.push((t) => t.replace(pattern, to.email ?? ''));
  }
  const fromLast7 = digitsOf(from.phone).slice(-7);
  const toLast7 = digitsOf(to.phone).slice(-7);
  if (fromLast7.length === 7 && toLast7.length === 7) {
    steps.push((t) =>
      t.replace(PHONE_RUN, (run) => {
        if (digitsOf(run).slice(-7) !== fromLast7) return run;
        const chars = [...run];
        let left = 7;
        for (let i = chars.length - 1; i >= 0 && left > 0; i -= 1) {
          if (/\d/.test(chars[i] ?? '')) {
            left -= 1;
            chars[i] = toLast7[left] ?? '0';
          }
        }
        return chars.join('');
      }),
    );
  }
  // A dialer names an unknown caller by number: the number's rewrite is the name's.
  if (!isPhoneText(from.name)) {
    const pattern = loosely(from.name);
    steps.push((t) => t.replace(pattern, to.name));
  }
  for (const field of ['title', 'company'] as const) {
    const value = from[field];
    const next = to[field];
    if (value && next) {
      const pattern = loosely(value);
      steps.push((t) => t.replace(pattern, next));
    }
  }
  // "Hi Jane", "Jane's notes": the name's words alone, when it is a plain two-word name.
  const words = cleanText(from.name).split(' ');
  const toWords = to.name.split(' ');
  if (words.length >= 2 && words.every((w) => /^\p{L}[\p{L}'.-]{2,}$/u.test(w))) {
    words.forEach((word, i) => {
      const pattern = new RegExp(`(?<!\\p{L})${escape(word)}(?!\\p{L})`, 'giu');
      const replacement = toWords[Math.min(i, toWords.length - 1)] ?? to.name;
      steps.push((t) => t.replace(pattern, replacement));
    });
  }
  return (text) => steps.reduce((t, step) => step(t), text);
}

/** Every string a subtree shows or carries: its text and its attribute values, cleaned. */
function everything(root: Element | DocumentFragment): string {
  const parts = textNodes(root).map((n) => n.data);
  for (const el of elementsIn(root)) {
    for (const attr of Array.from(el.attributes)) {
      if (!NOT_PERSON_ATTRIBUTES.has(attr.name)) parts.push(attr.value);
    }
  }
  return norm(parts.join(' \n '));
}

/**
 * Whether anything of `person` is still under `root` (a copy meant to show someone else):
 * their address, their number, their name, company or title (the first 40 characters).
 */
export function mentions(root: Element | DocumentFragment, person: Person): string | undefined {
  const all =
    norm(
      textNodes(root)
        .map((n) => n.data)
        .join(' \n '),
    ) +
    ' \n ' +
    everything(root);
  const digits = (all.match(PHONE_RUN) ?? []).map((run) => digitsOf(run).slice(-7));
  const last7 = digitsOf(person.phone).slice(-7);
  if (last7.length === 7 && digits.includes(last7)) return `phone ${person.phone}`;
  for (const field of ['email', 'name', 'company', 'title'] as const) {
    const value = person[field];
    if (!value || (field === 'name' && isPhoneText(value))) continue;
    const probe = norm(value).slice(0, 40).trim();
    if (probe && all.includes(probe)) return `${field} ${value}`;
  }
  return undefined;
}

/** Whether an element's whole shown text is `value` (a number: the same digits, no words). */
function shows(el: Element, value: string, field: string): boolean {
  const text = cleanText(el.textContent);
  if (!text) return false;
  if (field === 'phone' || isPhoneText(value))
    return isPhoneText(text) && digitsOf(text).slice(-7) === digitsOf(value).slice(-7);
  return text.toLowerCase() === norm(value);
}

/** The deepest elements of the body whose whole text is `value`, in document order. */
export function elementsShowing(doc: Document, value: string, field: string): Element[] {
  const hits = Array.from(doc.body.querySelectorAll('*')).filter(
    (el) => !NEVER_TEXT.has(el.tagName) && shows(el, value, field),
  );
  return hits.filter((el) => !hits.some((other) => other !== el && el.contains(other)));
}

/** The app's shell: the body, or the single element it wraps, as deep as that goes. */
export function shellOf(doc: Document): Element {
  let shell: Element = doc.body;
  for (;;) {
    const kids = Array.from(shell.children).filter((k) => !NEVER_TEXT.has(k.tagName));
    if (kids.length !== 1 || !kids[0]) return shell;
    shell = kids[0];
  }
}

/** The top-level region of the shell holding `el` (the record's column), or undefined. */
export function regionOf(doc: Document, el: Element | undefined): Element | undefined {
  const shell = shellOf(doc);
  let node: Element | null = el ?? null;
  while (node && node.parentElement !== shell) node = node.parentElement;
  return node ?? undefined;
}

/** Inserts `node` before or after `anchor`. */
export function placeBeside(anchor: Element, node: Node, before: boolean): void {
  if (before) anchor.before(node);
  else anchor.after(node);
}

/** Builds an element with DOM calls only (page text never becomes markup). */
export function h(
  doc: Document,
  tag: string,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): Element {
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  for (const child of children)
    el.appendChild(typeof child === 'string' ? doc.createTextNode(child) : child);
  return el;
}

/**
 * Rewrites `from` into `to` under `root`: first every element whose whole text is one of
 * `from`'s name, company or title (a value split by inline markup, "<i>Acme</i> Corp"), then
 * every text node and attribute.
 */
export function swapPerson(root: Element | DocumentFragment, from: Person, to: Person): void {
  for (const field of ['name', 'company', 'title'] as const) {
    const value = from[field];
    const next = to[field];
    if (!value || !next || (field === 'name' && isPhoneText(value))) continue;
    const want = norm(value);
    const cut = Array.from(want).length >= MAX_TEXT - 5;
    const matches = (el: Element): boolean => {
      const text = norm(el.textContent);
      return cut ? text.startsWith(want) : text === want;
    };
    const hits = elementsIn(root).filter(matches);
    for (const el of hits.filter((el) => !hits.some((o) => o !== el && el.contains(o))))
      el.textContent = next;
  }
  rewrite(root, personSwap(from, to));
}
