import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

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
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Page text is never markup.',
        },
        {
          // Reflect.set(el, 'innerHTML', …), el[name] with name = 'outerHTML', …
          selector: 'Literal[value=/^(innerHTML|outerHTML|dangerouslySetInnerHTML)$/]',
          message: 'Page text is never markup.',
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
    ignores: ['lib/bench/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'DOMParser', message: 'The product parses no HTML; read the live DOM.' },
      ],
    },
  },
  {
    // One way to write from a component: lib/hooks/use-write (busy, double click, the rep's
    // words). A component that words a failure itself is a second way (tests/unit/lint).
    files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/lib/db/errors'],
              importNames: ['describeWriteError'],
              message:
                'Write through useWrite (lib/hooks/use-write): it says a failure in the rep’s words.',
            },
          ],
        },
      ],
    },
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
