import type { Task } from '@/lib/model';

/** "Email", "Call", or "Meeting" for a booked meeting. */
export function taskKindLabel(task: Pick<Task, 'channel' | 'kind'>): string {
  if (task.kind === 'meeting') return 'Meeting';
  return task.channel === 'email' ? 'Email' : 'Call';
}
