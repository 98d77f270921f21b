// Which language the dashboard speaks: the user's remembered choice, else the browser's preference.
// Pure (storage and navigator are passed in), so it is unit-tested in Node.

export const languages = ['en', 'zh'] as const;
export type Language = (typeof languages)[number];

/** Each language's name in itself, for the switch. */
export const languageNames: Record<Language, string> = { en: 'English', zh: '中文' };

export const languageStorageKey = 'milepost.language';

const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (languages as readonly string[]).includes(value);

/** The stored choice wins; otherwise the first browser language we speak; otherwise English. */
export function pickLanguage(stored: string | null, preferred: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The stored choice; null when storage is unavailable (private mode, Node). */
export function readStoredLanguage(storage: StorageLike | undefined): string | null {
  try {
    return storage?.getItem(languageStorageKey) ?? null;
  } catch {
    return null;
  }
}

/** Remembers the choice; returns false when storage refused it. */
export function storeLanguage(storage: StorageLike | undefined, language: Language): boolean {
  try {
    storage?.setItem(languageStorageKey, language);
    return storage !== undefined;
  } catch {
    return false;
  }
}
