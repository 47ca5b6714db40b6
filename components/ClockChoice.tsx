import { useId } from 'react';

export type Clock = 'prospect' | 'rep';

const CHOICES: [Clock, string][] = [
  ['prospect', "Prospect's time"],
  ['rep', 'My time'],
];

/** Whose clock places each dial on the heatmap. */
export function ClockChoice({ clock, onChange }: { clock: Clock; onChange: (c: Clock) => void }) {
  const name = useId();
  const legend = useId();
  return (
    <fieldset role="radiogroup" aria-labelledby={legend} className="row clock-choice">
      <legend id={legend}>Clock</legend>
      {CHOICES.map(([value, label]) => (
        <label key={value} className="row">
          <input
            type="radio"
            name={name}
            value={value}
            checked={clock === value}
            onChange={() => onChange(value)}
            style={{ width: 'auto' }}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
