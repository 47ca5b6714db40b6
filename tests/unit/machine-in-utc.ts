// One clock (issue 16): tests that the rep's zone, not the machine's, shows put the machine in
// UTC while the rep's setting says Los Angeles, so a time read on the machine's clock shows.
// Node applies a changed TZ at once (in this file's own worker process).
process.env.TZ = 'UTC';

export const MACHINE_ZONE = 'UTC';
export const REP_ZONE = 'America/Los_Angeles';
export const KOLKATA = 'Asia/Kolkata';

export const repSettingsIn = (timeZone: string) => ({
  id: 'rep' as const,
  repName: 'Sam Rivera',
  company: 'Northwind',
  callbackNumber: '+1 312 555 0100',
  timeZone,
});
