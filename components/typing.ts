/** Whether a key went to a text field (or a list the rep is choosing in): the panel's one-key
 *  shortcuts (outcomes, Undo) leave those keys to it. */
export function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}
