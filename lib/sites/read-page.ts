// Reading text off a CRM page, shared by every site adapter.
// Page text is data, never markup: everything here reads `textContent`, form values and
// attributes, and hands back plain, trimmed, capped strings.
import type { ContactSnapshot, DetectionEvidence, EvidenceSignal, PersonOnPage } from '../model';
import { MAX_OTHERS } from '../model';
import { hidesItself, isShown } from './visibility';
import { MAX_TEXT, cleanEmail, cleanPhone, cleanText } from '../model/clean-text';

// The cleaning every page-influenced value goes through, here and in the background's check.
export { MAX_TEXT, cleanEmail, cleanPhone, cleanText } from '../model/clean-text';

// Text inside these never shows as text on the page.
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/** The value a form control shows, or null when `el` is not one. */
function controlValue(el: Element): string | null {
  switch (el.tagName) {
    case 'INPUT': {
      const type = (el.getAttribute('type') ?? 'text').toLowerCase();
      if (['hidden', 'password', 'checkbox', 'radio', 'file'].includes(type)) return '';
      return (el as HTMLInputElement).value ?? el.getAttribute('value') ?? '';
    }
    case 'TEXTAREA':
      return (el as HTMLTextAreaElement).value ?? el.textContent ?? '';
    case 'SELECT': {
      const selected = el.querySelector('option[selected]') ?? el.querySelector('option');
      return selected?.textContent ?? '';
    }
    default:
      return null;
  }
}

/** Raw text of a subtree, form values included, leaving out `exclude` and never-shown tags. */
function rawText(node: Node, exclude?: Element): string {
  if (node.nodeType === 3 /* TEXT_NODE */) return node.nodeValue ?? '';
  if (node.nodeType !== 1 /* ELEMENT_NODE */) return '';
  const el = node as Element;
  if (el === exclude || SKIPPED_TAGS.has(el.tagName)) return '';
  // Text the rep cannot see (a hidden caption, a collapsed copy) is not what the page shows.
  if (hidesItself(el)) return '';
  const value = controlValue(el);
  if (value !== null) return ` ${value} `;
  let text = '';
  for (const child of Array.from(el.childNodes)) text += rawText(child, exclude);
  return text;
}

/** The plain text an element shows (a form control: its value), cleaned. '' when absent or
 *  when the rep cannot see it. */
export function textOf(el: Element | null | undefined, exclude?: Element, max = MAX_TEXT): string {
  return el && isShown(el) ? cleanText(rawText(el, exclude), max) : '';
}

/** `text` when it says something (a letter or a digit), else undefined: "--" is no value. */
export function meaningful(text: string | null | undefined): string | undefined {
  const clean = cleanText(text);
  return /[\p{L}\p{N}]/u.test(clean) ? clean : undefined;
}

/** Every address-looking token in a text, lower-cased, in order (e.g. "Name (a@b.com)"). */
export function emailsIn(text: string | null | undefined): string[] {
  const tokens = (text ?? '').match(/[^\s@<>()[\]",;:]+@[^\s@<>()[\]"',;:]+/g) ?? [];
  // Quotes around an address and a full stop after it are not part of it.
  const trimmed = tokens.map((t) => t.replace(/^'+/, '').replace(/[.']+$/, ''));
  return trimmed.map((t) => cleanEmail(t)).filter((t): t is string => !!t);
}

// A run of dialling characters that starts with "+", "(" or a digit and ends with a digit,
// optionally followed by an extension: how a number reads inside mixed text.
const PHONE_RUN = /(?:\+|\()?\d[\d\s().\-/]*\d(?:\s*(?:ext\.?|x|#)\s*\d+)?/gi;

/** Every phone-number-looking run in a text, as shown, in order ("Phone number +1 415 …"). */
export function phonesIn(text: string | null | undefined): string[] {
  const runs = cleanText(text, 1000).match(PHONE_RUN) ?? [];
  return runs.map((run) => cleanPhone(run)).filter((t): t is string => !!t);
}

/** An address from a `mailto:` link the rep can see (its query left out), else undefined. */
export function mailtoOf(link: Element | null | undefined): string | undefined {
  if (!link || !isShown(link)) return undefined;
  const href = link.getAttribute('href') ?? '';
  return /^mailto:/i.test(href) ? cleanEmail(decodeSafely(href.split('?')[0] ?? '')) : undefined;
}

/** A number from a `tel:` link the rep can see: as the link shows it, else as it dials. */
export function telOf(link: Element | null | undefined): string | undefined {
  if (!link || !isShown(link)) return undefined;
  const href = link.getAttribute('href') ?? '';
  const shown = phonesIn(textOf(link))[0];
  if (shown) return shown;
  return /^tel:/i.test(href) ? cleanPhone(decodeSafely(href)) : undefined;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The first selector (in order of trust) that finds an element with meaningful text. */
export function firstText(root: ParentNode, selectors: readonly string[]): string | undefined {
  for (const selector of selectors) {
    for (const el of Array.from(root.querySelectorAll(selector))) {
      const text = meaningful(textOf(el));
      if (text) return text;
    }
  }
  return undefined;
}

// Elements that caption a value: form labels, definition terms, table headers.
const CAPTIONS = 'label, dt, th, [role="rowheader"]';

const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

function captionKey(text: string): string {
  return cleanText(text)
    .replace(/[\s:*]+$/, '')
    .toLowerCase();
}

/** The value shown for one caption element, found the ways pages pair them. */
function captionedValue(caption: Element): string | undefined {
  const forId = caption.getAttribute('for');
  const target = forId ? caption.ownerDocument.getElementById(forId) : null;
  const byFor = meaningful(textOf(target));
  if (byFor) return byFor;
  if (caption.tagName === 'DT' || caption.tagName === 'TH') {
    const next = caption.nextElementSibling;
    if (next && (next.tagName === 'DD' || next.tagName === 'TD')) return meaningful(textOf(next));
  }
  // Label and value are siblings in a wrapper: climb while the wrapper holds this caption
  // alone, and take what it shows besides the caption.
  let box = caption.parentElement;
  for (let depth = 0; box && depth < 4; depth += 1, box = box.parentElement) {
    if (box.querySelectorAll(CAPTIONS).length > 1) return undefined;
    // A wrapper holding a heading is a card or a column, not one field's row: its other text
    // (the record's name) is no value of this caption.
    if (box.querySelector(HEADINGS)) return undefined;
    const rest = meaningful(textOf(box, caption));
    if (rest) return rest;
  }
  return undefined;
}

/** The value next to the first caption reading one of `labels` (case-insensitive, ":" ignored).
 *  `skip` leaves out captions of someone else's (a related list's, a preview's). */
export function labelledValue(
  root: ParentNode,
  labels: readonly string[],
  skip?: (caption: Element) => boolean,
): string | undefined {
  const wanted = new Set(labels.map(captionKey));
  for (const caption of Array.from(root.querySelectorAll(CAPTIONS))) {
    // The raw text first (cheap); what the rep sees only where a wanted caption may be.
    const raw = (caption.textContent ?? '').toLowerCase();
    if (raw.length > 200 || ![...wanted].some((key) => raw.includes(key))) continue;
    if (!wanted.has(captionKey(textOf(caption))) || !isShown(caption)) continue;
    if (skip?.(caption)) continue;
    const value = captionedValue(caption);
    if (value) return value;
  }
  return undefined;
}

/**
 * How sure a detection is: sure when at least two strong signals agree and nothing disagrees;
 * otherwise unsure, with the doubt in the rep's words. The panel asks before showing an unsure
 * person.
 */
export function evidenceOf(signals: readonly EvidenceSignal[], doubt?: string): DetectionEvidence {
  const unique = [...new Set(signals)];
  const sure = !doubt && unique.length >= 2;
  return doubt
    ? { signals: unique, confidence: 'unsure', doubt: cleanText(doubt) }
    : { signals: unique, confidence: sure ? 'sure' : 'unsure' };
}

/** Other people on the page, cleaned, without duplicates or the subject, at most MAX_OTHERS. */
export function othersOf(
  people: readonly PersonOnPage[],
  subject: Pick<ContactSnapshot, 'name' | 'email' | 'phone'>,
): PersonOnPage[] {
  const seen = new Set<string>([
    subject.name.toLowerCase(),
    ...(subject.email ? [subject.email.toLowerCase()] : []),
  ]);
  const out: PersonOnPage[] = [];
  for (const person of people) {
    const name = cleanText(person.name);
    const key = (person.email ?? name).toLowerCase();
    if (!name || seen.has(key) || seen.has(name.toLowerCase())) continue;
    // One person shown twice (a card with their address, a link without) is listed once.
    seen.add(key).add(name.toLowerCase());
    const clean: PersonOnPage = { name, role: person.role };
    const email = cleanEmail(person.email);
    const phone = cleanPhone(person.phone);
    if (email) clean.email = email;
    if (phone) clean.phone = phone;
    out.push(clean);
    if (out.length >= MAX_OTHERS) break;
  }
  return out;
}

type Optional = Partial<
  Pick<
    ContactSnapshot,
    'email' | 'phone' | 'company' | 'title' | 'timeZone' | 'stage' | 'evidence' | 'others'
  >
>;

/** A snapshot with the optional fields that have a value: never an `undefined` key. */
export function buildSnapshot(
  required: Pick<ContactSnapshot, 'site' | 'recordId' | 'url' | 'name'>,
  optional: Optional,
): ContactSnapshot {
  const snapshot: ContactSnapshot = { ...required };
  for (const key of ['email', 'phone', 'company', 'title', 'timeZone', 'stage'] as const) {
    const value = optional[key];
    if (value) snapshot[key] = value;
  }
  if (optional.evidence) snapshot.evidence = optional.evidence;
  if (optional.others?.length) snapshot.others = optional.others;
  return snapshot;
}
