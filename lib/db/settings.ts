import type { RepSettings } from '../model';
import { database } from './schema';

export function emptySettings(timeZone: string): RepSettings {
  return { id: 'rep', repName: '', company: '', callbackNumber: '', timeZone };
}

export async function repSettings(defaultZone: string): Promise<RepSettings> {
  return (await database().settings.get('rep')) ?? emptySettings(defaultZone);
}

export async function saveRepSettings(settings: RepSettings): Promise<void> {
  await database().settings.put(settings);
}
