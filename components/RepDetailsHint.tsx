import { openSettingsTab } from './open-settings';

/** Scripts need the rep's name, company and number: point to where they are set. */
export function RepDetailsHint() {
  return (
    <p className="hint rep-hint">
      Scripts use your name, company and callback number.{' '}
      <button type="button" className="link" onClick={openSettingsTab}>
        Add your details
      </button>
    </p>
  );
}
