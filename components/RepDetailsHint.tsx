import { browser } from 'wxt/browser';

/** Scripts need the rep's name, company and number: point to where they are set. */
export function RepDetailsHint() {
  return (
    <p className="hint rep-hint">
      Scripts use your name, company and callback number.{' '}
      <button
        type="button"
        className="link"
        onClick={() =>
          void browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}#settings` })
        }
      >
        Add your details
      </button>
    </p>
  );
}
