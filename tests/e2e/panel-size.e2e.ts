// The side panel opens on what its first screen needs: the built panel's initial JavaScript
// (its HTML's scripts and all they import statically) stays within the bench's budget, and
// the phone library and the CRM adapters load only when a screen uses them.
import { describe, expect, it } from 'vitest';
import { BUILT_EXTENSION } from './harness';
import {
  PANEL_INITIAL_JS_BUDGET_BYTES,
  initialScripts,
  unwantedOnFirstScreen,
} from '../../scripts/initial-js.mjs';

describe('the side panel as built', () => {
  it('loads no more JavaScript before its first screen than the budget', () => {
    const { bytes, files } = initialScripts(BUILT_EXTENSION, 'sidepanel.html');
    expect(files.length).toBeGreaterThan(0);
    expect(bytes, files.map((f) => `${f.file} ${f.bytes}`).join(', ')).toBeLessThanOrEqual(
      PANEL_INITIAL_JS_BUDGET_BYTES,
    );
  });

  it('leaves the phone library and the CRM adapters out of it', () => {
    expect(unwantedOnFirstScreen(BUILT_EXTENSION, 'sidepanel.html')).toEqual([]);
  });
});
