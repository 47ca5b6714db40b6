/** Why the panel asks when several stored contacts share the key that would have matched. */
export function sharedKeyDoubt(by: 'email' | 'phone', count: number): string {
  return `${count} stored contacts share this ${by === 'email' ? 'email address' : 'number'}: pick the right one.`;
}
