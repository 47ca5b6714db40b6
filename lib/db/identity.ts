import type { ContactSnapshot } from '../model';

export function identityKey(site: string, recordId: string): string {
  return `${site}:${recordId}`;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Digits only, keeping a leading "+", so "+1 (415) 555-0100" and "+14155550100" match. */
export function normalizePhone(phone: string): string {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  return trimmed.startsWith('+') ? `+${digits}` : digits;
}

export function snapshotKey(snapshot: ContactSnapshot): string {
  return identityKey(snapshot.site, snapshot.recordId);
}
