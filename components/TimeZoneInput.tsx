import { useId } from 'react';

/** Every zone the browser can read a clock in, for the rep to search. */
export function supportedZones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}

/** A text box that suggests time zones as the rep types a city or a zone name. */
export function TimeZoneInput({
  label,
  value,
  onChange,
  placeholder = 'Type a city or zone, e.g. Paris',
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
}) {
  const listId = useId();
  return (
    <label className="field">
      {label}
      <input
        type="text"
        list={listId}
        autoComplete="off"
        spellCheck={false}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id={listId}>
        {supportedZones().map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </label>
  );
}
