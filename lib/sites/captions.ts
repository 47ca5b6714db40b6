// Captions of a contact's fields as CRMs show them, in the rep's UI language (English, German,
// French, Spanish). A value element that also holds its caption ("Job title VP Operations")
// gives the value alone. Pure.
import { cleanText, labelledValue, MAX_TEXT, meaningful, textOf } from './read-page';
import { otherPersonRegion } from './roles';
import { hidesItself, isShown } from './visibility';

export type CaptionedField =
  | 'firstName'
  | 'lastName'
  | 'name'
  | 'email'
  | 'phone'
  | 'mobile'
  | 'company'
  | 'title'
  | 'stage'
  | 'owner';

/** The captions of a name, a phone number and a mobile number: a dialer strips these alone. */
export const NAME_CAPTIONS = [
  'name',
  'full name',
  'contact name',
  'vollständiger name',
  'nom complet',
  'nombre completo',
  'nombre del contacto',
];
export const PHONE_CAPTIONS = [
  'phone',
  'phone number',
  'telefon',
  'telefonnummer',
  'téléphone',
  'numéro de téléphone',
  'teléfono',
  'número de teléfono',
  'work phone',
  'office phone',
];
export const MOBILE_CAPTIONS = [
  'mobile',
  'mobile phone',
  'mobile phone number',
  'mobiltelefon',
  'mobilnummer',
  'handy',
  'téléphone portable',
  'portable',
  'mobile',
  'móvil',
  'teléfono móvil',
  'celular',
];

/** Every caption of each field, lower-case, in four languages. */
export const FIELD_CAPTIONS: Readonly<Record<CaptionedField, readonly string[]>> = {
  firstName: ['first name', 'vorname', 'prénom', 'nombre'],
  lastName: ['last name', 'nachname', 'nom de famille', 'nom', 'apellidos', 'apellido'],
  name: NAME_CAPTIONS,
  email: [
    'email',
    'e-mail',
    'email address',
    'e-mail-adresse',
    'adresse e-mail',
    'adresse email',
    'correo electrónico',
    'correo',
    'courriel',
  ],
  phone: PHONE_CAPTIONS,
  mobile: MOBILE_CAPTIONS,
  company: [
    'company',
    'company name',
    'account name',
    'organization',
    'organisation',
    'firma',
    'unternehmen',
    'firmenname',
    'entreprise',
    "nom de l'entreprise",
    'société',
    'empresa',
    'nombre de la empresa',
    'organización',
    // Salesforce's "Account Name" in German, French, Spanish.
    'kontoname',
    'nom du compte',
    'nombre de la cuenta',
  ],
  title: [
    'title',
    'job title',
    'position',
    'role',
    'jobtitel',
    'berufsbezeichnung',
    'position',
    'intitulé du poste',
    'fonction',
    'poste',
    'cargo',
    'puesto',
    'título',
    'titel',
    'titre',
  ],
  stage: [
    'lifecycle stage',
    'lead status',
    'status',
    'stage',
    'lebenszyklusphase',
    'phase',
    'lead-status',
    'phase du cycle de vie',
    'statut',
    'statut du lead',
    'etapa del ciclo de vida',
    'estado',
    'estado del lead',
    'etapa',
  ],
  owner: [
    'contact owner',
    'owner',
    'kontaktinhaber',
    'inhaber',
    'propriétaire du contact',
    'propriétaire',
    'propietario del contacto',
    'propietario',
  ],
};

// Each list sorted once: captions are stripped on every reading of a page.
const sorted = new WeakMap<readonly string[], string[]>();

/** `captions`, once each, longest first (so "job title" is stripped before "title"). */
function longestFirst(captions: readonly string[]): string[] {
  let list = sorted.get(captions);
  if (!list)
    sorted.set(captions, (list = [...new Set(captions)].sort((a, b) => b.length - a.length)));
  return list;
}

/** Every known caption, lower-case, longest first. Pure: a script that strips no caption of
 *  every field (a dialer's) leaves the lists out. */
export const ALL_CAPTIONS: readonly string[] = /* @__PURE__ */ (() =>
  longestFirst(Object.values(FIELD_CAPTIONS).flat()))();

// The longest caption's length: text read for stripping may be this much longer than the cap.
const LONGEST_CAPTION = 40;

/** How much of a value element to read when a caption may lead it: the value is capped at
 *  MAX_TEXT only once the caption is cut (a long value keeps its full capped length). */
export const CAPTIONED_MAX = MAX_TEXT + LONGEST_CAPTION;

/** Whether `text` is just a caption ("Email", "E-Mail:", "Téléphone *"). */
export function isCaption(text: string, field?: CaptionedField): boolean {
  const key = captionKey(text);
  const known = field ? FIELD_CAPTIONS[field] : ALL_CAPTIONS;
  return known.includes(key);
}

/** A caption as compared: lower-case, no trailing ":" or "*". */
export function captionKey(text: string): string {
  return cleanText(text)
    .replace(/[\s:*]+$/u, '')
    .toLowerCase();
}

/**
 * The value alone when `text` starts with one of `field`'s captions (or any known caption when
 * no field is named): "Company name Lumen Freight" → "Lumen Freight", "E-Mail: a@b.de" →
 * "a@b.de". Text without a leading caption comes back unchanged; a caption alone gives ''.
 */
export function withoutCaption(text: string, field?: CaptionedField): string {
  return withoutCaptionOf(text, field ? FIELD_CAPTIONS[field] : ALL_CAPTIONS);
}

/** `text` without a leading one of `captions`, as withoutCaption. */
export function withoutCaptionOf(text: string, captions: readonly string[]): string {
  // Cut at the cap only once the caption is gone: the value keeps its full length.
  const clean = cleanText(text, MAX_TEXT + LONGEST_CAPTION);
  const lower = clean.toLowerCase();
  for (const caption of longestFirst(captions)) {
    if (!lower.startsWith(caption)) continue;
    const rest = clean.slice(caption.length);
    // A caption ends at a word's end: "Name" is no caption of "Nameless Corp".
    if (rest && !/^[\s:*]/u.test(rest)) continue;
    return cleanText(rest.replace(/^[\s:*]+/u, ''));
  }
  return cleanText(clean);
}

const MAX_CAPTION = 60;

// Elements a caption is never: an action ("Email", "Call") is a button or a link.
const ACTIONS = 'button, a, [role="button"], [role="link"], [role="tab"], [role="menuitem"]';

/** The shown descendant of `el` whose whole text is one of `field`'s captions, if any. */
function captionInside(el: Element, field: CaptionedField): Element | undefined {
  for (const child of Array.from(el.querySelectorAll('*'))) {
    // A caption is a few words: longer text is not one (and need not be read).
    if ((child.textContent?.length ?? 0) > MAX_CAPTION) continue;
    if (child.closest(ACTIONS) && !el.closest(ACTIONS)) continue;
    // The raw text first (cheap), whether the rep sees it only then.
    const raw = (child.textContent ?? '').toLowerCase();
    if (!FIELD_CAPTIONS[field].some((key) => raw.includes(key))) continue;
    if (isCaption(textOf(child), field)) return child;
  }
  return undefined;
}

/**
 * What a field's value element shows, without the caption it may also hold: a caption element
 * inside it is left out ("<span>Job title</span> VP Operations"), a caption leading its text
 * is cut ("Company name Lumen Freight"). undefined when nothing but the caption is there.
 */
export function valueBesideCaption(el: Element, field: CaptionedField): string | undefined {
  const caption = captionInside(el, field);
  const text = textOf(el, caption, CAPTIONED_MAX);
  return meaningful(withoutCaption(text, field));
}

const CAPTION_ELEMENTS = 'label, dt, th, [role="rowheader"], [role="columnheader"]';
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/** What `node` shows besides `caption` and its actions (an "Edit Title" button is no value). */
function textBeside(node: Node, caption: Element): string {
  if (node.nodeType === 3 /* TEXT_NODE */) return node.nodeValue ?? '';
  if (node.nodeType !== 1 /* ELEMENT_NODE */) return '';
  const el = node as Element;
  if (el === caption || NOT_TEXT.has(el.tagName) || hidesItself(el)) return '';
  // An action ("Edit Title") or another caption (a table's next column header) is no value.
  if (el.matches(ACTIONS) || el.matches(CAPTION_ELEMENTS)) return '';
  // A form control shows its value.
  if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT')
    return ` ${textOf(el)} `;
  return Array.from(el.childNodes)
    .map((child) => textBeside(child, caption))
    .join(' ');
}

// How far up from a caption its row reaches: a caption and its value share a small wrapper.
const ROW_DEPTH = 2;

/**
 * The value a `root` shows for `field`, found by its caption in any of the four languages
 * (and `extra` captions first): a labelled value (label, dt, th), else a row whose caption is a
 * plain element beside the value ("<div><span>E-Mail</span><span>a@b.de</span></div>"). The
 * value comes back without its caption.
 */
export function fieldByCaption(
  root: ParentNode,
  field: CaptionedField,
  extra: readonly string[] = [],
): string | undefined {
  // Captions in a related list, an association card or a preview are someone else's.
  const boundary = 'nodeType' in root && root.nodeType === 1 ? (root as Element) : null;
  const elsewhere = (caption: Element) => otherPersonRegion(caption, boundary) !== undefined;
  const labelled = labelledValue(root, [...extra, ...FIELD_CAPTIONS[field]], elsewhere);
  const value = labelled && meaningful(withoutCaption(labelled, field));
  if (value) return value;
  const wanted = new Set([...extra.map(captionKey), ...FIELD_CAPTIONS[field]]);
  for (const leaf of Array.from(root.querySelectorAll('*'))) {
    if (leaf.childElementCount > 0 || leaf.closest(ACTIONS)) continue;
    if ((leaf.textContent?.length ?? 0) > MAX_CAPTION) continue;
    // The raw text first (cheap), whether the rep sees it only then.
    const raw = (leaf.textContent ?? '').toLowerCase();
    if (![...wanted].some((key) => raw.includes(key))) continue;
    if (!wanted.has(captionKey(textOf(leaf))) || elsewhere(leaf)) continue;
    let row = leaf.parentElement;
    for (let depth = 0; row && depth < ROW_DEPTH; depth += 1, row = row.parentElement) {
      // A wrapper holding several captions is a card, not this field's row.
      if (row.childElementCount > 3 || row.querySelector('h1, h2, h3, h4, h5, h6')) break;
      const rest = isShown(row) ? meaningful(cleanText(textBeside(row, leaf))) : undefined;
      if (rest && !isCaption(rest)) return meaningful(withoutCaption(rest, field));
    }
  }
  return undefined;
}
