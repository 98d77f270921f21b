import { createFormat } from '../format.ts';
import { en, type Messages } from './en.ts';
import {
  languageNames,
  languages,
  pickLanguage,
  readStoredLanguage,
  storeLanguage,
  type Language,
} from './language.ts';
import { zh } from './zh.ts';

// One place picks the dictionary, once per page load: every component reads `messages` and
// `format` as plain values, and switching language reloads the page (the URL keeps the view).
const dictionaries: Record<Language, Messages> = { en, zh };

const browser = globalThis as {
  localStorage?: Storage;
  navigator?: { languages?: readonly string[]; language?: string };
  location?: { reload(): void };
};
const storage = (() => {
  try {
    return browser.localStorage;
  } catch {
    return undefined;
  }
})();

export const language: Language = pickLanguage(
  readStoredLanguage(storage),
  browser.navigator?.languages ?? [browser.navigator?.language ?? 'en'],
);
export const messages: Messages = dictionaries[language];
export type { Messages, Language };
export { languageNames, languages };

/** Number, date and currency formatting for the active dictionary's locale. */
export const format = createFormat(messages.locale);

/** Remembers the choice and reloads in that language. */
export function setLanguage(next: Language): void {
  if (next === language) return;
  storeLanguage(storage, next);
  browser.location?.reload();
}
