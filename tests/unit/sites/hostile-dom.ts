// Generators of hostile pages for the site adapters' robustness tests: random trees of common
// tags carrying the very attributes the adapters look for, text that looks like markup or hides
// characters, huge text, deep nesting. Pages are built with DOM calls (never parsed markup), and
// deep ones iteratively, so the generator itself never recurses.
import fc from 'fast-check';

/** Tags pages are made of, and the custom elements the adapters read. */
export const TAGS = [
  'div',
  'span',
  'p',
  'a',
  'b',
  'i',
  'strong',
  'ul',
  'li',
  'section',
  'article',
  'aside',
  'main',
  'nav',
  'header',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'label',
  'dl',
  'dt',
  'dd',
  'table',
  'tr',
  'th',
  'td',
  'button',
  'input',
  'textarea',
  'select',
  'option',
  'slot',
  'script',
  'style',
  'template',
  'noscript',
  'img',
  'lightning-formatted-name',
  'lightning-formatted-email',
  'lightning-formatted-phone',
  'records-highlights2',
  'records-highlights-details-item',
  'records-record-layout-item',
  'force-lookup',
  'crux-text-component',
  'crux-email-component',
  'crux-phone-component',
] as const;

const EMAILS = [
  'jane.doe@northwind.example',
  'Riley.Rep@SellerCo.example',
  'riley.rep@sellerco.example',
  'eve@evil.example',
  'not an address',
  'a@b',
  '"quoted"@x.example',
  'x@y.example, z@w.example',
  'j***@northwind.example',
];
const PHONES = [
  '+1 (415) 555-0142',
  '+39 02 1234 5678',
  '555',
  '+1 415 555 0142 ext 12',
  'call me',
];

/** Text that is data, however much it looks like markup or hides characters. */
export const HOSTILE_TEXTS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '"',
  "'",
  '&amp;',
  '&lt;b&gt;',
  '</script>',
  '\u202eevil\u202c',
  '\u200b\u200b\u200b',
  '\u200f\u200e',
  '\ufeff',
  '\u0000\u0007\u001b',
  '👩‍👩‍👧‍👦',
  '🙂',
  'عربي',
  'עברית',
  'Jürgen Müller',
  '  \n\t  ',
  '--',
  '—',
  'Email',
  'Phone',
  'Phone number',
  'Mobile',
  'Company name',
  'Account Name',
  'Company',
  'Organization',
  'Job title',
  'Title',
  'First name',
  'Last name',
  'Name',
  'Contacts',
  'Contacts (2)',
  'Call ended',
  'Calling…',
  'Incoming call',
  'Ongoing call',
  'Wrap-up',
  '00:42',
  '1:02:33',
  'Unknown caller',
  'Present',
  'Jan 2021 - Present',
  'Northwind Traders · Full-time',
  'Jane Doe',
  'Dana Kim',
  ...EMAILS,
  ...PHONES,
];

/** Values of the attributes the adapters select on, plus some that only look like them. */
export const ATTRIBUTES: Record<string, readonly string[]> = {
  'data-selenium-test': [
    'highlightTitle',
    'contact-highlight-details',
    'property-input-email',
    'property-input-phone',
    'property-input-mobilephone',
    'property-input-company',
    'property-input-firstname',
    'property-input-lastname',
    'property-input-jobtitle',
    'company-chicklet-title-link',
  ],
  'data-selenium-component': ['ProfileHighlightContainer'],
  'data-test-id': ['left-sidebar', 'record-page'],
  'data-scroll-trackable-container': ['left-sidebar'],
  class: [
    'gD',
    'g2',
    'hP',
    'windowViewMode-normal active lafPageHost',
    'windowViewMode-maximized active lafPageHost',
    'lafSinglePaneWindowManager',
    'windowViewMode-normal',
    'oneContent active',
    'slds-text-title',
    'fieldComponent',
    'test-id__field-value',
    'slds-form-element__static',
    'slds-page-header__title',
    'detailView',
    'cxElemCompViewWrap',
    'cxPhoneViewValue',
    'dvMainContainer',
    'text-heading-xlarge',
    'pv-top-card',
    'artdeco-card',
    'pv-text-details__left-panel',
    'text-body-medium break-words',
    'pv-contact-info__contact-type',
    'pvs-entity',
    't-14 t-normal',
    't-black--light',
    'LeadSidebar_sidebar__x',
    'LeadHeader_name__x',
    'LeadContacts_section__x',
    'ContactCard_card__x',
    'ContactCard_name__x',
    'ContactCard_title__x',
    'dt-recipe-callbar-button',
    'd-btn',
  ],
  email: EMAILS,
  name: ['me', 'primaryField', 'Dana Kim', '', 'disposition'],
  'field-label': ['Email', 'Phone', 'Mobile', 'Name', 'Title', 'Account Name', 'Company'],
  'data-target-selection-name': [
    'sfdc:RecordField.Contact.Email',
    'sfdc:RecordField.Contact.Phone',
    'sfdc:RecordField.Contact.AccountId',
    'sfdc:RecordField.Lead.Company',
  ],
  id: [
    'tc_mouseArea__FULLNAME',
    'titlecard_FULLNAME',
    'titlecard_LASTNAME',
    'headervalue_LASTNAME',
    'subvalue_EMAIL',
    'subvalue_PHONE',
    'subvalue_TITLE',
    'subvalue_ACCOUNTID',
    'headervalue_MOBILE',
    'mouseArea__PHONE',
    'ReadingPaneContainerId',
    'O365_MainLink_Me',
    'mectrl_currentAccount_primary',
    'mectrl_currentAccount_secondary',
    'experience',
    'pv-contact-info',
    'notes',
    'app',
  ],
  for: ['notes', 'subvalue_EMAIL', 'missing'],
  'data-zcqa': ['value_Email', 'value_FULLNAME', 'value_LASTNAME', 'value_Phone', 'value_Title'],
  href: [
    'mailto:jane.doe@northwind.example',
    'mailto:',
    'mailto:not an address?subject=hi',
    'tel:+14155550142',
    'tel:%E0%A4%A',
    'tel:%ZZ',
    'tel:',
    'callto:+14155550142',
    '/organization/812',
    '/in/jane-doe/',
    'javascript:alert(1)',
    'https://evil.example/',
  ],
  'aria-label': [
    'Google Account: Riley Rep (riley.rep@sellerco.example)',
    'Google Account:',
    'Account manager for Riley Rep',
    'Reading Pane',
    'From: Dana Kim',
    'From: ',
    'To: Riley Rep',
    'Cc: Sam Lee',
    'Current company: Northwind Traders. Click to skip to experience card',
    'Current company:',
    'Contacts',
    'Hang up',
    'hang call',
    'End call',
    'Answer',
    'Mute',
    'Hold the call',
    'JustCall',
    'Dialer',
  ],
  role: ['main', 'dialog', 'timer', 'status', 'heading', 'button', 'list', 'listitem', 'rowheader'],
  'data-test': [
    'hangup-button',
    'pickup-button',
    'incall-header',
    'participant-phone-number',
    'contact-name',
    'paragraph-text',
    'action-mute',
    'tags-panel-done',
  ],
  'data-qa': [
    'dt-recipe-callbox',
    'dt-recipe-callbox--title',
    'dt-recipe-callbox--subtitle-wrapper',
    'contact-info',
    'contact-info-header',
    'contact-info-subtitle',
  ],
  'data-test-automation-id': [
    'dialer-container',
    'telephony-dialer-title-left',
    'telephony-dialer-header-name',
    'telephony-dialer-header-phone',
    'telephony-end-btn',
    'telephony-answer-btn',
    'telephony-mute-btn',
  ],
  title: ['Email', 'Phone', 'Account Name', 'dana.kim@prospectco.example', 'Jane Doe'],
  type: ['text', 'hidden', 'password', 'checkbox', 'email'],
  value: ['jane.doe@northwind.example', '+1 (415) 555-0142', ''],
  selected: [''],
  slot: ['primaryField', 'outputField'],
  'data-contact-id': ['cont_1'],
  'aria-hidden': ['true'],
  'cx-prop-value': ['Jane Doe'],
};

const ATTRIBUTE_NAMES = Object.keys(ATTRIBUTES);
const SAFE_NAME = /^[a-z][a-z0-9-]*$/;

/** A string of about 100 KB. */
export const hugeTextArb = fc
  .tuple(fc.constantFrom(...HOSTILE_TEXTS), fc.string({ maxLength: 10 }))
  .map(([a, b]) => {
    const unit = `${a} ${b} `;
    return unit.repeat(Math.ceil(100_000 / unit.length));
  });

/** Text a page may show: hostile constants, random strings (lone surrogates too). */
export const textArb: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_TEXTS), weight: 8 },
  { arbitrary: fc.string({ maxLength: 40, unit: 'grapheme' }), weight: 3 },
  { arbitrary: fc.string({ maxLength: 40, unit: 'binary' }), weight: 2 },
  {
    arbitrary: fc
      .array(fc.constantFrom(...HOSTILE_TEXTS), { minLength: 2, maxLength: 6 })
      .map((parts) => parts.join(' ')),
    weight: 3,
  },
  { arbitrary: fc.constant(''), weight: 3 },
);

/** An attribute the adapters read (with a real or a hostile value), or a random one. */
export const attributeArb: fc.Arbitrary<[string, string]> = fc.oneof(
  {
    arbitrary: fc
      .constantFrom(...ATTRIBUTE_NAMES)
      .chain((name) =>
        fc.tuple(
          fc.constant(name),
          fc.oneof(
            { arbitrary: fc.constantFrom(...(ATTRIBUTES[name] ?? [''])), weight: 4 },
            { arbitrary: textArb, weight: 1 },
          ),
        ),
      ),
    weight: 6,
  },
  {
    arbitrary: fc.tuple(
      fc
        .string({ minLength: 1, maxLength: 12, unit: 'grapheme-ascii' })
        .filter((n) => SAFE_NAME.test(n)),
      textArb,
    ),
    weight: 1,
  },
);

export interface NodeSpec {
  /** Index of the parent among the nodes before this one (taken modulo), or -1 for <body>. */
  parent: number;
  tag: string;
  attributes: [string, string][];
  text: string;
}

export interface ChainSpec {
  depth: number;
  /** Tags of the chain's levels, repeated. */
  tags: string[];
  /** Attributes set on a few levels (level taken modulo depth). */
  marks: { level: number; attribute: [string, string] }[];
  /** Text at the bottom of the chain. */
  text: string;
}

export interface PageSpec {
  title: string;
  nodes: NodeSpec[];
  /** About 100 KB of text in one node (index taken modulo). */
  huge?: { at: number; text: string } | undefined;
  chain?: ChainSpec | undefined;
}

/** Attributes the adapters read together on one element. */
const COMBOS: [string, string][][] = [
  [
    ['class', 'gD'],
    ['email', 'dana.kim@prospectco.example'],
    ['name', 'Dana Kim'],
  ],
  [
    ['class', 'g2'],
    ['email', 'riley.rep@sellerco.example'],
    ['name', 'me'],
  ],
  [
    ['class', 'gD'],
    ['email', 'riley.rep@sellerco.example'],
  ],
  [['aria-label', 'Google Account: Riley Rep (riley.rep@sellerco.example)']],
  [['class', 'hP']],
  [['role', 'main']],
  [
    ['field-label', 'Email'],
    ['data-target-selection-name', 'sfdc:RecordField.Contact.Email'],
  ],
  [['class', 'windowViewMode-normal oneContent active lafPageHost']],
  [['data-selenium-test', 'highlightTitle']],
  [['data-test-id', 'left-sidebar']],
  [['id', 'ReadingPaneContainerId']],
  [['aria-label', 'From: Dana Kim']],
  [['title', 'dana.kim@prospectco.example']],
  [
    ['class', 'pv-contact-info__contact-type'],
    ['role', 'dialog'],
  ],
  [['data-test', 'hangup-button']],
  [['data-test', 'participant-phone-number']],
  [['data-qa', 'dt-recipe-callbox']],
  [['data-test-automation-id', 'dialer-container']],
];

const tagArb = fc.constantFrom(...TAGS);

export const nodeArb: fc.Arbitrary<NodeSpec> = fc.record({
  parent: fc.integer({ min: -1, max: 1000 }),
  tag: tagArb,
  attributes: fc.oneof(
    { arbitrary: fc.array(attributeArb, { maxLength: 4 }), weight: 3 },
    { arbitrary: fc.constantFrom(...COMBOS), weight: 1 },
  ),
  text: textArb,
});

export const chainArb = (depth: number): fc.Arbitrary<ChainSpec> =>
  fc.record({
    depth: fc.constant(depth),
    tags: fc.array(tagArb, { minLength: 1, maxLength: 4 }),
    marks: fc.array(fc.record({ level: fc.nat({ max: depth - 1 }), attribute: attributeArb }), {
      maxLength: 8,
    }),
    text: textArb,
  });

/** Tab titles in the shapes the adapters read names from, around hostile text. */
export const titleArb: fc.Arbitrary<string> = fc.oneof(
  textArb,
  fc
    .tuple(
      textArb,
      fc.constantFrom(
        ' | HubSpot',
        ' | Contact | Salesforce',
        ' - contact details',
        ' | LinkedIn',
        ' - riley.rep@sellerco.example - Gmail',
        ' - Outlook',
        ' | JustCall',
      ),
    )
    .map(([text, suffix]) => `${text}${suffix}`),
);

/**
 * A random page: a tree of up to 60 nodes, now and then with 100 KB of text; with a chain
 * `chainDepth` elements deep under its last node when one is asked for.
 */
export const pageArb = (chainDepth?: number): fc.Arbitrary<PageSpec> =>
  fc.record({
    title: titleArb,
    nodes: fc.array(nodeArb, { maxLength: 60 }),
    // Huge text is slow to read, and a few pages of it find what they find.
    huge: fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 5 },
      { arbitrary: fc.record({ at: fc.nat(), text: hugeTextArb }), weight: 1 },
    ),
    chain: chainDepth === undefined ? fc.constant(undefined) : chainArb(chainDepth),
  });

function setAttribute(el: Element, [name, value]: [string, string]): void {
  try {
    el.setAttribute(name, value);
  } catch {
    // A name the DOM refuses is not a page anyone can serve.
  }
}

/** Builds a page from its spec, with DOM calls only (no markup is parsed). */
export function buildPage(spec: PageSpec): Document {
  const document = new DOMParser().parseFromString(
    '<!DOCTYPE html><html><head><title></title></head><body></body></html>',
    'text/html',
  );
  document.title = spec.title;
  const body = document.body;
  const elements: Element[] = [];
  for (const node of spec.nodes) {
    const el = document.createElement(node.tag);
    for (const attribute of node.attributes) setAttribute(el, attribute);
    if (node.text) el.appendChild(document.createTextNode(node.text));
    const parent =
      node.parent < 0 || elements.length === 0 ? body : elements[node.parent % elements.length];
    (parent ?? body).appendChild(el);
    elements.push(el);
  }
  if (spec.huge) {
    const el = elements[spec.huge.at % Math.max(elements.length, 1)] ?? body;
    el.appendChild(document.createTextNode(spec.huge.text));
  }
  if (spec.chain) appendChain(document, elements.at(-1) ?? body, spec.chain);
  return document;
}

/** Appends a chain of `depth` nested elements under `parent`, iteratively. */
export function appendChain(document: Document, parent: Element, chain: ChainSpec): Element {
  const marks = new Map<number, [string, string][]>();
  for (const { level, attribute } of chain.marks) {
    const at = level % chain.depth;
    marks.set(at, [...(marks.get(at) ?? []), attribute]);
  }
  let current = parent;
  for (let level = 0; level < chain.depth; level += 1) {
    const el = document.createElement(chain.tags[level % chain.tags.length] ?? 'div');
    for (const attribute of marks.get(level) ?? []) setAttribute(el, attribute);
    current.appendChild(el);
    current = el;
  }
  if (chain.text) current.appendChild(document.createTextNode(chain.text));
  return current;
}

/** Selector-bearing attributes, cycled through on big pages so every adapter finds something. */
const MARKS: [string, string][] = Object.entries(ATTRIBUTES).flatMap(([name, values]) =>
  values.map((value): [string, string] => [name, value]),
);

/**
 * A page of `count` elements, all siblings (`flat`) or a tree four wide (`nested`). Every element
 * carries one of the adapters' attributes and some text.
 */
export function bigPage(count: number, shape: 'flat' | 'nested'): Document {
  const document = new DOMParser().parseFromString(
    '<!DOCTYPE html><html><head><title>Jane Doe | HubSpot</title></head><body></body></html>',
    'text/html',
  );
  const elements: Element[] = [];
  for (let i = 0; i < count; i += 1) {
    const el = document.createElement(TAGS[i % 20] ?? 'div');
    const mark = MARKS[i % MARKS.length];
    if (mark) setAttribute(el, mark);
    el.appendChild(document.createTextNode(HOSTILE_TEXTS[i % HOSTILE_TEXTS.length] ?? ''));
    const parent = shape === 'flat' || i === 0 ? document.body : elements[Math.floor((i - 1) / 4)];
    (parent ?? document.body).appendChild(el);
    elements.push(el);
  }
  return document;
}
