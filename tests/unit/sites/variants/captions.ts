// Captions as a page shows them, and their German, French and Spanish forms. Every translation
// is one FIELD_CAPTIONS knows (checked in the metamorphic suite), so a localised page is one
// the contract says adapters must read.
import {
  captionKey,
  FIELD_CAPTIONS,
  isCaption,
  type CaptionedField,
} from '../../../../lib/sites/captions';
import { cleanText } from '../../../../lib/sites/read-page';

export type Language = 'de' | 'fr' | 'es';

/** English caption (lower-case) → its translations. */
export const TRANSLATIONS: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
  email: { de: 'E-Mail', fr: 'Adresse e-mail', es: 'Correo electrónico' },
  'e-mail': { de: 'E-Mail', fr: 'Courriel', es: 'Correo' },
  'email address': { de: 'E-Mail-Adresse', fr: 'Adresse e-mail', es: 'Correo electrónico' },
  phone: { de: 'Telefon', fr: 'Téléphone', es: 'Teléfono' },
  'phone number': { de: 'Telefonnummer', fr: 'Numéro de téléphone', es: 'Número de teléfono' },
  'work phone': { de: 'Telefon', fr: 'Téléphone', es: 'Teléfono' },
  'office phone': { de: 'Telefon', fr: 'Téléphone', es: 'Teléfono' },
  mobile: { de: 'Mobiltelefon', fr: 'Téléphone portable', es: 'Teléfono móvil' },
  'mobile phone': { de: 'Mobiltelefon', fr: 'Téléphone portable', es: 'Teléfono móvil' },
  company: { de: 'Firma', fr: 'Entreprise', es: 'Empresa' },
  'company name': { de: 'Firmenname', fr: "Nom de l'entreprise", es: 'Nombre de la empresa' },
  'account name': { de: 'Firmenname', fr: "Nom de l'entreprise", es: 'Nombre de la empresa' },
  organization: { de: 'Unternehmen', fr: 'Société', es: 'Organización' },
  organisation: { de: 'Unternehmen', fr: 'Société', es: 'Organización' },
  title: { de: 'Position', fr: 'Fonction', es: 'Cargo' },
  'job title': { de: 'Jobtitel', fr: 'Intitulé du poste', es: 'Puesto' },
  position: { de: 'Position', fr: 'Poste', es: 'Puesto' },
  'first name': { de: 'Vorname', fr: 'Prénom', es: 'Nombre' },
  'last name': { de: 'Nachname', fr: 'Nom de famille', es: 'Apellidos' },
  'full name': { de: 'Vollständiger Name', fr: 'Nom complet', es: 'Nombre completo' },
  'contact name': { de: 'Vollständiger Name', fr: 'Nom complet', es: 'Nombre del contacto' },
  'lifecycle stage': {
    de: 'Lebenszyklusphase',
    fr: 'Phase du cycle de vie',
    es: 'Etapa del ciclo de vida',
  },
  'lead status': { de: 'Lead-Status', fr: 'Statut du lead', es: 'Estado del lead' },
  status: { de: 'Status', fr: 'Statut', es: 'Estado' },
  stage: { de: 'Phase', fr: 'Phase', es: 'Etapa' },
  'contact owner': {
    de: 'Kontaktinhaber',
    fr: 'Propriétaire du contact',
    es: 'Propietario del contacto',
  },
  owner: { de: 'Inhaber', fr: 'Propriétaire', es: 'Propietario' },
};

/** Words a page shows where a name might be, which are no one's name (roles.ts knows them). */
export const PLACEHOLDER_TRANSLATIONS: Readonly<
  Record<string, Readonly<Record<Language, string>>>
> = {
  contacts: { de: 'Kontakte', fr: 'Contacts', es: 'Contactos' },
  contact: { de: 'Kontakt', fr: 'Contact', es: 'Contacto' },
  recent: { de: 'Zuletzt', fr: 'Récents', es: 'Recientes' },
  recents: { de: 'Zuletzt', fr: 'Récents', es: 'Recientes' },
  history: { de: 'Verlauf', fr: 'Historique', es: 'Historial' },
  calls: { de: 'Anrufe', fr: 'Appels', es: 'Llamadas' },
  'loading…': { de: 'Wird geladen…', fr: 'Chargement…', es: 'Cargando…' },
  'loading...': { de: 'Wird geladen…', fr: 'Chargement…', es: 'Cargando…' },
  'unknown caller': { de: 'Unbekannter Anrufer', fr: 'Inconnu', es: 'Desconocido' },
};

/** The field a caption names, when it is one. */
export function fieldOfCaption(text: string): CaptionedField | undefined {
  const key = captionKey(text);
  return (Object.keys(FIELD_CAPTIONS) as CaptionedField[]).find((f) =>
    FIELD_CAPTIONS[f].includes(key),
  );
}

/** `text` in `language` when it is an English caption or placeholder word, else undefined. */
export function translated(text: string, language: Language): string | undefined {
  const clean = cleanText(text);
  const key = clean.toLowerCase().replace(/[\s:*]+$/u, '');
  const tail = clean.slice(key.length);
  const word = TRANSLATIONS[key]?.[language] ?? PLACEHOLDER_TRANSLATIONS[key]?.[language];
  if (!word) return undefined;
  // Keep the page's case: "EMAIL" stays upper-case, "email" lower-case.
  const cased =
    clean === clean.toUpperCase() && /\p{L}/u.test(clean)
      ? word.toUpperCase()
      : clean[0] === clean[0]?.toLowerCase()
        ? word.toLowerCase()
        : word;
  return `${cased}${tail}`;
}

export { isCaption };

/** The English caption a field is shown with when a page gives none. */
export const DEFAULT_CAPTION: Readonly<Record<string, string>> = {
  email: 'Email',
  phone: 'Phone number',
  company: 'Company name',
  title: 'Job title',
};

/** A mail app's header words in the rep's UI language: [English start, translation]. */
export const MAIL_WORDS: Readonly<Record<Language, readonly (readonly [RegExp, string])[]>> = {
  de: [
    [/^Google Account:/, 'Google-Konto:'],
    [/^Account manager for /, 'Konto-Manager für '],
    [/^From:/, 'Von:'],
    [/^To:/i, 'An:'],
    [/^to (?=\S)/, 'an '],
    [/^me$/, 'mich'],
  ],
  fr: [
    [/^Google Account:/, 'Compte Google :'],
    [/^Account manager for /, 'Gestionnaire de compte pour '],
    [/^From:/, 'De :'],
    [/^To:/i, 'À :'],
    [/^to (?=\S)/, 'à '],
    [/^me$/, 'moi'],
  ],
  es: [
    [/^Google Account:/, 'Cuenta de Google:'],
    [/^Account manager for /, 'Administrador de cuentas para '],
    [/^From:/, 'De:'],
    [/^To:/i, 'Para:'],
    [/^to (?=\S)/, 'para '],
    [/^me$/, 'mí'],
  ],
};

/** `text` with a mail header word translated, or undefined when it starts with none. */
export function translatedMailWord(text: string, language: Language): string | undefined {
  const lead = /^\s*/.exec(text)?.[0] ?? '';
  const rest = text.slice(lead.length);
  for (const [english, word] of MAIL_WORDS[language]) {
    if (english.test(rest)) return lead + rest.replace(english, word);
  }
  return undefined;
}
