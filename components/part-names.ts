/** "Ann Lee's", for naming a part of the panel in a message; "this contact's" before the name
 *  is read. */
export function possessive(name: string | undefined): string {
  const trimmed = name?.trim();
  return trimmed ? `${trimmed}'s` : "this contact's";
}
