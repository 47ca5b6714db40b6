import { useState } from 'react';
import type { RepSettings } from '@/lib/model';
import { isKnownTimeZone } from '@/lib/model/time-zone';
import { saveRepSettings } from '@/lib/db/settings';
import { useWrite } from '@/lib/hooks/use-write';
import { browserZone } from '@/lib/hooks/now';
import { useRepSettings } from '@/lib/hooks/contact-records';
import { WriteError } from './WriteError';
import { TEXT_LIMITS } from '@/lib/model/limits';

const ZONES: string[] = Intl.supportedValuesOf?.('timeZone') ?? [];

/** The rep's own details, which every script and voicemail is built from. */
export function SettingsForm() {
  const stored = useRepSettings();
  if (stored === undefined) return <p className="loading">Loading…</p>;
  // Mounted once with what was stored; later saves do not reset what the rep is typing.
  return <SettingsFields initial={stored} />;
}

function SettingsFields({ initial }: { initial: RepSettings | null }) {
  const [form, setForm] = useState<RepSettings>(
    initial ?? { id: 'rep', repName: '', company: '', callbackNumber: '', timeZone: browserZone() },
  );
  const [status, setStatus] = useState<string>();
  const { run, busy, error } = useWrite();
  const field = (
    key: Exclude<keyof RepSettings, 'id' | 'timeZone'>,
    label: string,
    type = 'text',
  ) => (
    <label className="field">
      {label}
      <input
        type={type}
        maxLength={TEXT_LIMITS.name}
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      />
    </label>
  );
  const validZone = isKnownTimeZone(form.timeZone);
  return (
    <form
      className="settings"
      aria-label="Your details"
      onSubmit={(e) => {
        e.preventDefault();
        if (!validZone) return;
        void run(
          () =>
            saveRepSettings({
              ...form,
              repName: form.repName.trim(),
              company: form.company.trim(),
            }),
          { onDone: () => setStatus('Saved.') },
        );
      }}
    >
      {field('repName', 'Your name')}
      {field('company', 'Your company')}
      {field('callbackNumber', 'Callback number', 'tel')}
      <label className="field">
        Your time zone
        <input
          list="zones"
          maxLength={TEXT_LIMITS.timeZone}
          value={form.timeZone}
          aria-invalid={!validZone}
          onChange={(e) => setForm({ ...form, timeZone: e.target.value })}
        />
        <datalist id="zones">
          {ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </label>
      {!validZone && <p className="write-error">Pick a zone from the list, e.g. Europe/Berlin.</p>}
      <div className="row">
        <button type="submit" disabled={!validZone || busy}>
          Save details
        </button>
        <span role="status">{status}</span>
      </div>
      <WriteError message={error} />
    </form>
  );
}
