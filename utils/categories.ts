/**
 * Every flag category, its kind, and whether it is page chrome (recognised
 * but only highlighted when the user asks). Interface text for a category
 * lives in the i18n messages as `category_<name with - as _>`.
 */
import type { FlagKind } from './report.ts';

export const CATEGORIES = {
  // clickbait
  headline: { kind: 'clickbait', pageChrome: false },
  teaser: { kind: 'clickbait', pageChrome: false },
  // boilerplate
  newsletter: { kind: 'boilerplate', pageChrome: false },
  subscription: { kind: 'boilerplate', pageChrome: false },
  share: { kind: 'boilerplate', pageChrome: false },
  'source-credit': { kind: 'boilerplate', pageChrome: false },
  'cookie-consent': { kind: 'boilerplate', pageChrome: false },
  advertising: { kind: 'boilerplate', pageChrome: false },
  copyright: { kind: 'boilerplate', pageChrome: false },
  comments: { kind: 'boilerplate', pageChrome: false },
  navigation: { kind: 'boilerplate', pageChrome: true },
  'site-header': { kind: 'boilerplate', pageChrome: true },
  'site-footer': { kind: 'boilerplate', pageChrome: true },
  // related
  'read-more': { kind: 'related', pageChrome: false },
  'story-list': { kind: 'related', pageChrome: false },
  'most-read': { kind: 'related', pageChrome: false },
  'next-article': { kind: 'related', pageChrome: false },
} as const satisfies Record<string, { kind: FlagKind; pageChrome: boolean }>;

export type Category = keyof typeof CATEGORIES;

export function isPageChrome(category: string): boolean {
  return (CATEGORIES as Record<string, { pageChrome: boolean }>)[category]?.pageChrome ?? false;
}

/** The i18n message key of a category. */
export function categoryMessageKey(category: string): string {
  return `category_${category.replace(/-/g, '_')}`;
}
