// Captions of a contact's fields as CRMs show them, in the rep's UI language (English, German,
// French, Spanish). A value element that also holds its caption ("Job title VP Operations")
// gives the value alone. Pure.
import { cleanText } from './read-page';

export type CaptionedField =
  | 'firstName'
  | 'lastName'
  | 'name'
  | 'email'
  | 'phone'
  | 'mobile'
  | 'company'
  | 'title'
  | 'stage'
  | 'owner';

/** Every caption of each field, lower-case, in four languages. */
export const FIELD_CAPTIONS: Readonly<Record<CaptionedField, readonly string[]>> = {
  firstName: ['first name', 'vorname', 'prénom', 'nombre'],
  lastName: ['last name', 'nachname', 'nom de famille', 'nom', 'apellidos', 'apellido'],
  name: [
    'name',
    'full name',
    'contact name',
    'vollständiger name',
    'nom complet',
    'nombre completo',
    'nombre del contacto',
  ],
  email: [
    'email',
    'e-mail',
    'email address',
    'e-mail-adresse',
    'adresse e-mail',
    'adresse email',
    'correo electrónico',
    'correo',
    'courriel',
  ],
  phone: [
    'phone',
    'phone number',
    'telefon',
    'telefonnummer',
    'téléphone',
    'numéro de téléphone',
    'teléfono',
    'número de teléfono',
    'work phone',
    'office phone',
  ],
  mobile: [
    'mobile',
    'mobile phone',
    'mobile phone number',
    'mobiltelefon',
    'mobilnummer',
    'handy',
    'téléphone portable',
    'portable',
    'mobile',
    'móvil',
    'teléfono móvil',
    'celular',
  ],
  company: [
    'company',
    'company name',
    'account name',
    'organization',
    'organisation',
    'firma',
    'unternehmen',
    'firmenname',
    'entreprise',
    "nom de l'entreprise",
    'société',
    'empresa',
    'nombre de la empresa',
    'organización',
  ],
  title: [
    'title',
    'job title',
    'position',
    'role',
    'jobtitel',
    'berufsbezeichnung',
    'position',
    'intitulé du poste',
    'fonction',
    'poste',
    'cargo',
    'puesto',
    'título',
  ],
  stage: [
    'lifecycle stage',
    'lead status',
    'status',
    'stage',
    'lebenszyklusphase',
    'phase',
    'lead-status',
    'phase du cycle de vie',
    'statut',
    'statut du lead',
    'etapa del ciclo de vida',
    'estado',
    'estado del lead',
    'etapa',
  ],
  owner: [
    'contact owner',
    'owner',
    'kontaktinhaber',
    'inhaber',
    'propriétaire du contact',
    'propriétaire',
    'propietario del contacto',
    'propietario',
  ],
};

/** Every known caption, lower-case, longest first (so "job title" is stripped before "title"). */
export const ALL_CAPTIONS: readonly string[] = [
  ...new Set(Object.values(FIELD_CAPTIONS).flat()),
].sort((a, b) => b.length - a.length);

/** Whether `text` is just a caption ("Email", "E-Mail:", "Téléphone *"). */
export function isCaption(text: string, field?: CaptionedField): boolean {
  const key = captionKey(text);
  const known = field ? FIELD_CAPTIONS[field] : ALL_CAPTIONS;
  return known.includes(key);
}

/** A caption as compared: lower-case, no trailing ":" or "*". */
export function captionKey(text: string): string {
  return cleanText(text)
    .replace(/[\s:*]+$/u, '')
    .toLowerCase();
}

/**
 * The value alone when `text` starts with one of `field`'s captions (or any known caption when
 * no field is named): "Company name Lumen Freight" → "Lumen Freight", "E-Mail: a@b.de" →
 * "a@b.de". Text without a leading caption comes back unchanged; a caption alone gives ''.
 */
export function withoutCaption(text: string, field?: CaptionedField): string {
  const clean = cleanText(text);
  const lower = clean.toLowerCase();
  const known = field
    ? [...FIELD_CAPTIONS[field]].sort((a, b) => b.length - a.length)
    : ALL_CAPTIONS;
  for (const caption of known) {
    if (!lower.startsWith(caption)) continue;
    const rest = clean.slice(caption.length);
    // A caption ends at a word's end: "Name" is no caption of "Nameless Corp".
    if (rest && !/^[\s:*]/u.test(rest)) continue;
    return rest.replace(/^[\s:*]+/u, '').trim();
  }
  return clean;
}
