// @vitest-environment happy-dom
// Metamorphic tests (issue 13, part 8), more CRMs: see metamorphic-crm.test.ts.
import { metamorphicSuite } from './variants/run';

metamorphicSuite(
  'CRMs (Zoho, LinkedIn)',
  ['zoho', 'linkedin'],
  'tests/unit/sites/metamorphic-crm3.test.ts',
  300,
);
