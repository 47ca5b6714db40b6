import { describe, expect, it } from 'vitest';
import { readRepZone, repZoneOf } from '@/lib/db/rep-zone';
import { database } from '@/lib/db/schema';

describe('the zone the rep reads times in', () => {
  it('is the one in Settings when the browser knows it, else the browser’s', () => {
    expect(repZoneOf({ id: 'rep', timeZone: 'America/Los_Angeles' }, 'UTC')).toBe(
      'America/Los_Angeles',
    );
    expect(repZoneOf({ id: 'rep', timeZone: 'Not/AZone' }, 'UTC')).toBe('UTC');
    expect(repZoneOf({ id: 'rep', timeZone: '' }, 'Europe/Paris')).toBe('Europe/Paris');
    expect(repZoneOf({ id: 'rep', timeZone: 42 }, 'UTC')).toBe('UTC');
    expect(repZoneOf(undefined, 'UTC')).toBe('UTC');
  });

  it('keeps a known zone even when another field of the settings is damaged', async () => {
    await database().settings.put({
      id: 'rep',
      repName: 'x'.repeat(100_000),
      company: 'Acme',
      callbackNumber: '5',
      timeZone: 'Asia/Kolkata',
    });
    expect(await readRepZone('UTC')).toBe('Asia/Kolkata');
  });
});
