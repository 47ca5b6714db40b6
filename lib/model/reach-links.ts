// Links to write to or call a contact: built only from an address or a number that passes
// the same checks the page's text does, so a stored value ("javascript:…", "a@b.co?bcc=…")
// can neither change the link's scheme nor add recipients, a subject or a body.
import { cleanPhone, isEmail } from './clean-text';

/** `mailto:` for a plain address, else undefined (the address is then shown as text). */
export function mailtoHref(email: string): string | undefined {
  return isEmail(email) && !/[?#%&=/\\]/.test(email) ? `mailto:${email}` : undefined;
}

/** `tel:` with the number's digits (and its leading +, and an extension as ";ext="), else
 *  undefined (the number is then shown as text). */
export function telHref(phone: string): string | undefined {
  const shown = cleanPhone(phone);
  if (shown === undefined || shown !== phone.trim()) return undefined;
  const [main = '', ext] = shown.split(/\s*(?:ext\.?|x|#)\s*/i);
  const digits = main.replace(/\D/g, '');
  return `tel:${main.trim().startsWith('+') ? '+' : ''}${digits}${ext ? `;ext=${ext}` : ''}`;
}
