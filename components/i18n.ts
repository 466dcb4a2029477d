/**
 * Interface text through the browser's i18n messages. Falls back to the key
 * (never throws) so components render in tests and contexts without i18n.
 */
import { browser } from 'wxt/browser';
import { categoryMessageKey } from '../utils/categories.ts';

type GetMessage = (key: string, substitutions?: string | string[]) => string;

export function t(key: string, substitutions?: string | number | Array<string | number>): string {
  const subs =
    substitutions === undefined
      ? undefined
      : Array.isArray(substitutions)
        ? substitutions.map(String)
        : String(substitutions);
  try {
    const message = (browser.i18n.getMessage as GetMessage)(key, subs);
    return message || key;
  } catch {
    return key;
  }
}

/** The language the interface text is in (from the messages file actually used). */
export function uiLanguage(): string {
  const lang = t('uiLang');
  return lang === 'uiLang' ? 'en' : lang;
}

/** A category's display name; the raw category when no message exists. */
export function categoryLabel(category: string): string {
  const key = categoryMessageKey(category);
  const label = t(key);
  return label === key ? category : label;
}
