// @vitest-environment happy-dom
// Metamorphic tests (issue 13, part 8), web dialers: every fixture served as variants a dialer
// could plausibly serve (a recent-calls list, the rep's own number, a hidden copy of another
// call, …), each required to read the same caller or nobody, never another. The transforms:
// tests/unit/sites/variants/transforms.ts and tests/unit/sites/METAMORPHIC.md.
import { metamorphicSuite } from './variants/run';

metamorphicSuite(
  'dialers (Aircall, Dialpad, JustCall, RingCentral)',
  ['aircall', 'dialpad', 'justcall', 'ringcentral'],
  'tests/unit/sites/metamorphic-dialers.test.ts',
  500,
);
