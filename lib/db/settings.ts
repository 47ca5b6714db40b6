import type { RepSettings } from '../model';
import { TEXT_LIMITS } from '../model/limits';
import { cleanRecord } from '../transfer/records';
import { database } from './schema';
import { isKnownTimeZone } from '../model/time-zone';
import { WriteRefused } from './errors';

export async function saveRepSettings(settings: RepSettings): Promise<void> {
  if (!isKnownTimeZone(settings.timeZone)) {
    throw new WriteRefused({ kind: 'invalid-zone', typed: settings.timeZone });
  }
  // The one shape stored settings have (lib/transfer/records): texts within their caps.
  const checked = cleanRecord('settings', {
    ...settings,
    repName: settings.repName.trim(),
    company: settings.company.trim(),
    callbackNumber: settings.callbackNumber.trim(),
  });
  if (!checked.ok)
    throw new WriteRefused({
      kind: 'invalid-record',
      record: 'settings',
      problem: checked.problem,
    });
  await database().settings.put(checked.record as unknown as RepSettings);
}

/** The rep's settings as every screen may use them, and what the rep should know about them. */
export interface RepSettingsRead {
  /** Null when none are stored (or none could be read); the time zone is always one the
   *  browser knows. */
  settings: RepSettings | null;
  /** Shown on the panel and the dashboard, with a way to Settings. */
  warning?: string;
}

/** A stored value quoted in a sentence: capped, so a damaged profile cannot flood the screen. */
function quoted(value: string): string {
  const max = TEXT_LIMITS.timeZone;
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
}

/**
 * The stored settings record checked before any screen uses it: a time zone this browser does
 * not know (a restored backup, an older version, another browser's zone list) becomes the
 * browser's own zone, with a warning, instead of making every clock on the screen throw.
 */
export function readRepSettings(raw: unknown, browserZone: string): RepSettingsRead {
  if (raw === undefined || raw === null) return { settings: null };
  let warning: string | undefined;
  let record = raw;
  if (typeof raw === 'object' && !Array.isArray(raw)) {
    const zone = (raw as { timeZone?: unknown }).timeZone;
    if (typeof zone !== 'string' || !isKnownTimeZone(zone)) {
      record = { ...raw, timeZone: browserZone };
      // An empty zone is "not chosen yet": the browser's zone is what the rep expects.
      if (zone !== '') {
        const named = typeof zone === 'string' ? quoted(zone) : 'that is stored';
        warning = `Your time zone setting ${named} is not one this browser knows; times are shown in ${browserZone}. Fix it in Settings.`;
      }
    }
  }
  const cleaned = cleanRecord('settings', record);
  if (!cleaned.ok) {
    return {
      settings: null,
      warning:
        'Your saved details (name, company, callback number) could not be read, so scripts leave them out. Enter them again in Settings.',
    };
  }
  return { settings: cleaned.record as unknown as RepSettings, warning };
}
