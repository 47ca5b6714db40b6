// @vitest-environment happy-dom
// Metamorphic tests (issue 13, part 8), mail: every Gmail and Outlook fixture served as variants
// a site could plausibly serve (a cc'd colleague, a hidden copy of another thread, the rep's
// banner, …), each required to read the same person or nobody, never another. The transforms:
// tests/unit/sites/variants/transforms.ts and tests/unit/sites/METAMORPHIC.md.
import { metamorphicSuite } from './variants/run';

metamorphicSuite(
  'mail (Gmail, Outlook)',
  ['gmail', 'outlook'],
  'tests/unit/sites/metamorphic-mail.test.ts',
  250,
);
