// @vitest-environment happy-dom
// Metamorphic tests (issue 13, part 8), more CRMs: see metamorphic-crm.test.ts.
import { metamorphicSuite } from './variants/run';

metamorphicSuite(
  'CRMs (Pipedrive, Close)',
  ['pipedrive', 'close'],
  'tests/unit/sites/metamorphic-crm2.test.ts',
  300,
);
