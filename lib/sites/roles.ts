// The roles of people on a page. Only the record's subject is the contact: a person in a recents
// list, an association card, a hovercard or a "people also viewed" box is someone else, and a
// heading such as "Recent" is nobody. Captions are known in English, German, French and Spanish.
// Pure: reads only the element, its ancestors and their labels.
import type { PersonRole } from '../model';
import { cleanText } from './read-page';

// What a region holding other people is called (aria-label, heading, title), by role.
const REGION_WORDS: ReadonlyArray<readonly [PersonRole, RegExp]> = [
  [
    'recent',
    /\b(recents?|recently|history|call (log|history)|calls log|last calls|activity|timeline|zuletzt|kürzlich|verlauf|anrufliste|récents?|historique|journal d'appels|recientes?|historial|registro de llamadas)\b/iu,
  ],
  [
    'associated',
    /\b(associat\w*|related|also viewed|similar|suggested|people you may know|you may know|more (people|contacts)|other contacts|team members?|verknüpft\w*|zugeordnet\w*|ähnlich\w*|associé\w*|similaires?|asociad\w*|relacionad\w*|similares)\b/iu,
  ],
  [
    'preview',
    /\b(hover\s?card|preview|quick ?view|tooltip|popover|vorschau|aperçu|vista previa)\b/iu,
  ],
];

// Roles by ARIA role: a tooltip is a preview wherever it sits.
const ROLE_OF_ARIA: Readonly<Record<string, PersonRole>> = { tooltip: 'preview' };

function labelOf(el: Element): string {
  const parts: string[] = [];
  for (const name of ['aria-label', 'title']) {
    const value = el.getAttribute(name);
    if (value) parts.push(value);
  }
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    for (const id of labelledBy.split(/\s+/)) {
      parts.push(el.ownerDocument.getElementById(id)?.textContent ?? '');
    }
  }
  // A region's own heading: the first heading among its first children.
  const children = el.children;
  for (let i = 0; i < Math.min(3, children.length); i += 1) {
    const child = children[i] as Element;
    if (/^H[1-6]$/.test(child.tagName) || child.getAttribute('role') === 'heading')
      parts.push(child.textContent ?? '');
  }
  // Most elements carry no label at all: nothing to clean.
  return parts.length ? cleanText(parts.join(' ')) : '';
}

/** The role a region's label gives, if it names one. */
export function roleOfLabel(label: string): PersonRole | undefined {
  for (const [role, words] of REGION_WORDS) if (words.test(label)) return role;
  return undefined;
}

/**
 * The role of the region `el` sits in, when that region holds people other than the record's
 * subject; undefined inside the record itself. Stops at `boundary` (the record's own column),
 * whose own label is not read.
 */
export function otherPersonRegion(el: Element, boundary?: Element | null): PersonRole | undefined {
  for (let node: Element | null = el; node && node !== boundary; node = node.parentElement) {
    const aria = node.getAttribute('role');
    if (aria && ROLE_OF_ARIA[aria]) return ROLE_OF_ARIA[aria];
    if (node === el && !node.children.length) continue;
    const role = roleOfLabel(labelOf(node));
    if (role) return role;
  }
  return undefined;
}

// Headings and placeholders where a name would be ("Recent", "Loading…"): one list, shared with
// the identity rules that must not take them for a name either.
export { isPlaceholderName } from '../model/clean-text';

/** The part of an address after "@", lower-cased: the rep's colleagues share it. */
function domainOf(email: string | undefined): string | undefined {
  const at = email?.lastIndexOf('@') ?? -1;
  return email && at > 0 ? email.slice(at + 1).toLowerCase() : undefined;
}

// Mailbox providers many unrelated people share: the same domain says nothing about a team.
const PUBLIC_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'orange.fr',
  'free.fr',
]);

/** Whether `email` is a colleague of the rep whose address is `rep` (same company domain). */
export function isColleague(email: string | undefined, rep: string | undefined): boolean {
  const domain = domainOf(email);
  return !!domain && domain === domainOf(rep) && !PUBLIC_DOMAINS.has(domain);
}
