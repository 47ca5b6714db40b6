// The floor of "outcome click → shown in History": the least a React page can do to show a
// click in a list — one state update, one more list item. No database, no coach: what the
// machine and the browser's frames cost, measured with the same probe as the panel.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

function BareHistory() {
  const [clicks, setClicks] = useState<number[]>([]);
  return (
    <main>
      <div role="group" aria-label="Log outcome">
        <button type="button" onClick={() => setClicks((shown) => [Date.now(), ...shown])}>
          No answer
        </button>
      </div>
      <ul aria-label="History">
        {clicks.map((at) => (
          <li key={at}>
            No answer <time dateTime={new Date(at).toISOString()}>{new Date(at).toString()}</time>
          </li>
        ))}
      </ul>
    </main>
  );
}

export function mountClickFloor(root: HTMLElement): void {
  createRoot(root).render(
    <StrictMode>
      <BareHistory />
    </StrictMode>,
  );
}
