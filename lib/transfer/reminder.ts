// When to remind the rep that their data lives only in this browser.

import { DAY_MS } from '../model/time-units';

const BACKUP_REMINDER_DAYS = 30;

interface BackupReminder {
  /** True when the rep should export now: never backed up, or more than 30 days ago. */
  due: boolean;
  message: string;
}

/** What the Data page says about the last backup (`lastAt` epoch ms, undefined = never). */
export function backupReminder(lastAt: number | undefined, now: number): BackupReminder {
  if (lastAt === undefined) {
    return {
      due: true,
      message:
        'You have never exported a backup. Your notes and call history live only in this browser: Export JSON keeps a copy you can import anywhere.',
    };
  }
  const days = Math.max(0, Math.floor((now - lastAt) / DAY_MS));
  const ago = days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
  if (days > BACKUP_REMINDER_DAYS) {
    return {
      due: true,
      message: `Your last backup was ${ago}. Export JSON again so a copy of your recent notes and calls exists outside this browser.`,
    };
  }
  return { due: false, message: `Last backup: ${ago}.` };
}
