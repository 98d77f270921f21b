import { describe, expect, it } from 'vitest';
import {
  languageStorageKey,
  pickLanguage,
  readStoredLanguage,
  storeLanguage,
} from '../../web/src/lib/i18n/language.ts';
import { en } from '../../web/src/lib/i18n/en.ts';
import { zh } from '../../web/src/lib/i18n/zh.ts';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
  };
}

describe('pickLanguage', () => {
  it('prefers the stored choice over the browser', () => {
    expect(pickLanguage('zh', ['en-US'])).toBe('zh');
    expect(pickLanguage('en', ['zh-CN'])).toBe('en');
  });

  it('falls back to the first browser language it speaks, then English', () => {
    expect(pickLanguage(null, ['fr-FR', 'zh-TW', 'en'])).toBe('zh');
    expect(pickLanguage('klingon', ['de-DE'])).toBe('en');
    expect(pickLanguage(null, [])).toBe('en');
  });
});

describe('language storage', () => {
  it('remembers a choice and survives storage that throws', () => {
    const storage = memoryStorage();
    expect(storeLanguage(storage, 'zh')).toBe(true);
    expect(readStoredLanguage(storage)).toBe('zh');
    expect(storage.getItem(languageStorageKey)).toBe('zh');
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(readStoredLanguage(broken)).toBeNull();
    expect(storeLanguage(broken, 'en')).toBe(false);
    expect(readStoredLanguage(undefined)).toBeNull();
  });
});

describe('dictionaries', () => {
  /** Every key path of a dictionary, with functions and records as leaves. */
  const paths = (value: unknown, prefix = ''): string[] =>
    value && typeof value === 'object'
      ? Object.entries(value).flatMap(([key, inner]) => paths(inner, `${prefix}${key}.`))
      : [prefix];

  it('Chinese has exactly the English keys, every string translated', () => {
    expect(paths(zh).sort()).toEqual(paths(en).sort());
    expect(zh.locale).toBe('zh-CN');
    expect(zh.app.nav.cohorts).not.toBe(en.app.nav.cohorts);
  });
});
