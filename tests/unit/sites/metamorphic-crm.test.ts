// @vitest-environment happy-dom
// Metamorphic tests (issue 13, part 8), CRMs: every fixture of these sites served as variants a
// site could plausibly serve, each required to read the same person or nobody, never another.
// The transforms, and why each keeps the right answer known: tests/unit/sites/variants/
// transforms.ts and tests/unit/sites/METAMORPHIC.md.
import { describe, expect, it } from 'vitest';
import { isCaption } from '../../../lib/sites/captions';
import { isPlaceholderName } from '../../../lib/sites/roles';
import { fieldOfCaption, PLACEHOLDER_TRANSLATIONS, TRANSLATIONS } from './variants/captions';
import { metamorphicSuite } from './variants/run';

metamorphicSuite(
  'CRMs (HubSpot, Salesforce)',
  ['hubspot', 'salesforce'],
  'tests/unit/sites/metamorphic-crm.test.ts',
  300,
);

describe('the localised captions the variants use', () => {
  it('are captions the contract knows, in the field they translate', () => {
    for (const [english, languages] of Object.entries(TRANSLATIONS)) {
      const field = fieldOfCaption(english);
      expect(field, english).toBeDefined();
      for (const word of Object.values(languages)) expect(isCaption(word, field), word).toBe(true);
    }
  });

  it('turn placeholder words into words roles.ts knows are no one', () => {
    for (const languages of Object.values(PLACEHOLDER_TRANSLATIONS))
      for (const word of Object.values(languages)) expect(isPlaceholderName(word), word).toBe(true);
  });
});
