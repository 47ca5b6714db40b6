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
      // Page text must never become markup.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Use textContent or React; page text is never markup.' },
        { property: 'outerHTML', message: 'Use textContent or React; page text is never markup.' },
        { property: 'insertAdjacentHTML', message: 'Page text is never markup.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
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
