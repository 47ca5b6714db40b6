// Lengths of time in milliseconds, as Date and Date.now() count them. Fixed lengths: a calendar
// day in a zone with daylight saving is 23 or 25 hours, so zone-aware day steps go through
// lib/time/calendar and lib/time/zone-offsets instead.

export const MINUTE_MS = 60 * 1000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
