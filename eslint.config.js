import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// The layers of ARCHITECTURE.md's "may import" table, as import patterns: each folder of lib/
// may be named '@/lib/<folder>/…' or '../<folder>/…' (or '../lib/<folder>/…' from outside lib/).
// tests/unit/lint/layers.test.ts plants a forbidden import for each kind of rule.
const LIB_FOLDERS = [
  'actions',
  'background',
  'bench',
  'coach',
  'content',
  'db',
  'hooks',
  'insights',
  'manifest',
  'messaging',
  'model',
  'sites',
  'stores',
  'time',
  'transfer',
];
const libFolder = (name) => [
  `@/lib/${name}`,
  `@/lib/${name}/**`,
  `../${name}`,
  `../${name}/**`,
  `**/lib/${name}`,
  `**/lib/${name}/**`,
];
const APP = [
  '@/components',
  '@/components/**',
  '**/components/**',
  '@/entrypoints/**',
  '**/entrypoints/**',
];

/** A folder of lib/ imports only `allowed` (other lib folders) and nothing of the app. */
function onlyImports(folder, allowed) {
  const forbidden = LIB_FOLDERS.filter((name) => name !== folder && !allowed.includes(name));
  const names = allowed.length
    ? allowed.map((name) => `lib/${name}`).join(', ')
    : 'nothing of lib/';
  return {
    group: [...forbidden.flatMap(libFolder), ...APP],
    message: `lib/${folder} may import ${names} (ARCHITECTURE.md, "Folders, and what each may import").`,
  };
}

const NO_BACKGROUND = {
  group: libFolder('background'),
  message:
    'A page never imports lib/background: the service worker is reached by messages and by the data (ARCHITECTURE.md).',
};
// Components show; the site scripts scrape. A component may check a stored link (record-links);
// the Sites page also lists the sites (registry, adapter types), with no detector run.
const sitesExcept = (allowed) => ({
  group: [
    // Only the '/**' forms: gitignore cannot re-include a file whose folder is excluded.
    ...libFolder('sites').filter((pattern) => pattern.endsWith('/**')),
    ...allowed.flatMap((file) => [
      `!@/lib/sites/${file}`,
      `!../sites/${file}`,
      `!**/lib/sites/${file}`,
    ]),
  ],
  message: `A component does not scrape: of lib/sites it may import ${allowed.join(', ')} only (ARCHITECTURE.md).`,
});
const NO_SCRAPING = sitesExcept(['record-links']);
const SITES_PAGE = sitesExcept(['record-links', 'registry', 'adapter']);
const WRITE_WORDS = {
  // One way to write from a component: lib/hooks/use-write (busy, double click, the rep's
  // words). A component that words a failure itself is a second way (tests/unit/lint).
  group: ['**/lib/db/errors'],
  importNames: ['describeWriteError'],
  message: 'Write through useWrite (lib/hooks/use-write): it says a failure in the rep’s words.',
};
const NO_MARKUP = [
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Page text is never markup.',
  },
  {
    // Reflect.set(el, 'innerHTML', …), el[name] with name = 'outerHTML', …
    selector: 'Literal[value=/^(innerHTML|outerHTML|dangerouslySetInnerHTML)$/]',
    message: 'Page text is never markup.',
  },
];
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['.output', '.wxt', 'node_modules', 'tests/fixtures', 'bench-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Page text must never become markup (tests/unit/lint pins these rules).
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Use textContent or React; page text is never markup.' },
        { property: 'outerHTML', message: 'Use textContent or React; page text is never markup.' },
        { property: 'insertAdjacentHTML', message: 'Page text is never markup.' },
        { property: 'setHTMLUnsafe', message: 'Page text is never markup.' },
        { property: 'createContextualFragment', message: 'Page text is never markup.' },
        { object: 'document', property: 'write', message: 'Page text is never markup.' },
        { object: 'document', property: 'writeln', message: 'Page text is never markup.' },
      ],
      'no-restricted-syntax': ['error', ...NO_MARKUP],
    },
  },
  {
    // A refused write is typed (lib/db/errors WriteRefused): a screen decides from its kind
    // and the rep's words live in one place, never in a sentence thrown by a write.
    files: ['lib/db/**/*.ts', 'lib/actions/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...NO_MARKUP,
        {
          selector: "ThrowStatement > NewExpression[callee.name='Error']",
          message: 'Throw a typed WriteRefused (lib/db/errors) with its kind, not a sentence.',
        },
      ],
    },
  },
  {
    files: ['lib/**/*.ts', 'lib/**/*.tsx'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  {
    // What the product runs parses no HTML; only tests and the bench read fixtures.
    files: ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'DOMParser', message: 'The product parses no HTML; read the live DOM.' },
      ],
    },
  },
  // Import rules: in flat config the last block matching a file sets the rule's whole option,
  // so each block below lists every pattern for its files.
  { files: ['entrypoints/**/*.{ts,tsx}'], rules: restrict(WRITE_WORDS, NO_BACKGROUND) },
  { files: ['entrypoints/background.ts'], rules: restrict(WRITE_WORDS) },
  { files: ['components/**/*.{ts,tsx}'], rules: restrict(WRITE_WORDS, NO_BACKGROUND, NO_SCRAPING) },
  {
    files: ['components/SitesSettings.tsx'],
    rules: restrict(WRITE_WORDS, NO_BACKGROUND, SITES_PAGE),
  },
  {
    files: ['lib/{stores,hooks,content,actions}/**/*.{ts,tsx}'],
    rules: restrict(NO_BACKGROUND),
  },
  { files: ['lib/model/**/*.ts'], rules: restrict(onlyImports('model', [])) },
  { files: ['lib/manifest/**/*.ts'], rules: restrict(onlyImports('manifest', [])) },
  { files: ['lib/time/**/*.ts'], rules: restrict(onlyImports('time', ['model'])) },
  ...['coach', 'insights', 'sites'].map((folder) => ({
    files: [`lib/${folder}/**/*.ts`],
    rules: restrict(onlyImports(folder, ['model', 'time'])),
  })),
  {
    // A stored link is checked by the one URL rule the sites keep (lib/sites/record-links).
    files: ['lib/transfer/**/*.ts'],
    rules: restrict(onlyImports('transfer', ['model', 'time', 'sites']), {
      ...sitesExcept(['record-links']),
      message: 'Of lib/sites, lib/transfer imports record-links only.',
    }),
  },
  {
    // lib/transfer is the formats and checks a write keeps to (cleanRecord, the backup): a
    // deliberate exception written in ARCHITECTURE.md.
    files: ['lib/db/**/*.ts'],
    rules: restrict(onlyImports('db', ['model', 'time', 'transfer'])),
  },
  {
    files: ['lib/messaging/**/*.ts'],
    rules: restrict(onlyImports('messaging', ['model', 'time'])),
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', chrome: 'readonly' },
    },
  },
  {
    files: ['assets/demo/**/*.js'],
    languageOptions: {
      globals: {
        document: 'readonly',
        window: 'readonly',
        history: 'readonly',
        location: 'readonly',
        setTimeout: 'readonly',
      },
    },
  },
);
