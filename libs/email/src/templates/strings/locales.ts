import { EmailStrings } from './email-strings';
import { en } from './en';

/** Add a locale by adding its file here; the type makes it complete. */
const LOCALES: Record<string, EmailStrings> = { en };

export const DEFAULT_LOCALE = 'en';

/** The strings of `locale` (`fr-CA` falls back to `fr`, then to English). */
export function stringsFor(locale: string | null | undefined): EmailStrings {
  if (locale) {
    const exact = LOCALES[locale];
    if (exact) return exact;
    const language = LOCALES[locale.split('-')[0].toLowerCase()];
    if (language) return language;
  }
  return LOCALES[DEFAULT_LOCALE];
}
