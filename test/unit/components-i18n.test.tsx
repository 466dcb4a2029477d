// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { UnsupportedReason } from '../../components/hooks/useTabState.ts';
import { categoryLabel, t, uiLanguage } from '../../components/i18n.ts';
import { PopupView } from '../../components/PopupView.tsx';
import { formatDate } from '../../components/report-format.ts';
import { CATEGORIES, categoryMessageKey } from '../../utils/categories.ts';
import { FLAG_KINDS } from '../../utils/report.ts';
import { HIGHLIGHT_STYLES } from '../../utils/settings.ts';

type Messages = Record<string, { message: string }>;
const load = (locale: string) =>
  JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Messages;
const en = load('en');
const de = load('de');

function installMessages(messages: Messages) {
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (messages[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
  }) as typeof fakeBrowser.i18n.getMessage;
}

const placeholders = (message: string) => [...message.matchAll(/\$\d/g)].map((m) => m[0]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('messages files', () => {
  it('German has every key English has, with the same substitutions', () => {
    const missing = Object.keys(en).filter((key) => !(key in de));
    expect(missing).toEqual([]);
    for (const [key, { message }] of Object.entries(en)) {
      expect({ key, subs: placeholders(de[key]?.message ?? '') }).toEqual({ key, subs: placeholders(message) });
    }
  });

  it('every locale (Spanish included) has exactly the keys English has, with the same substitutions', () => {
    const locales = readdirSync('public/_locales').sort();
    expect(locales).toEqual(expect.arrayContaining(['de', 'en', 'es']));
    for (const locale of locales) {
      const messages = load(locale);
      expect({ locale, keys: Object.keys(messages).sort() }).toEqual({ locale, keys: Object.keys(en).sort() });
      for (const [key, { message }] of Object.entries(en)) {
        expect({ locale, key, subs: placeholders(messages[key]?.message ?? '') }).toEqual({
          locale,
          key,
          subs: placeholders(message),
        });
        expect(messages[key]?.message.trim()).not.toBe('');
      }
    }
    expect(load('es').uiLang?.message).toBe('es');
    expect(load('es').spoilerLabel?.message).not.toBe(en.spoilerLabel?.message);
  });

  it('uses only message names the browsers accept, and no message is empty', () => {
    for (const messages of [en, de]) {
      for (const [key, value] of Object.entries(messages)) {
        expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
        expect(value.message.trim()).not.toBe('');
      }
    }
  });

  it('has a message for every key the interface asks for', () => {
    const literal = sourceFiles('components').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\('([A-Za-z0-9_]+)'/g)].map((m) => m[1]!),
    );
    expect(literal.length).toBeGreaterThan(50);
    const reasons: UnsupportedReason[] = ['internal', 'store', 'pdf', 'file', 'reload', 'unknown'];
    const dynamic = [
      ...FLAG_KINDS.flatMap((kind) => [`kind_${kind}`, `kindHelp_${kind}`, `previewSample_${kind}`]),
      ...HIGHLIGHT_STYLES.map((style) => `style_${style}`),
      ...reasons.map((reason) => `unsupported_${reason}`),
      ...['json', 'not_object', 'no_settings'].map((error) => `importError_${error}`),
      ...Object.keys(CATEGORIES).map(categoryMessageKey),
    ];
    const missing = [...new Set([...literal, ...dynamic])].filter((key) => !(key in en));
    expect(missing).toEqual([]);
  });
});

describe('t()', () => {
  it('falls back to the key when the browser has no i18n or no such message', () => {
    // The fake browser's getMessage throws until a test provides one.
    expect(t('stateNotArticleTitle')).toBe('stateNotArticleTitle');
    expect(uiLanguage()).toBe('en');
    installMessages(en);
    expect(t('noSuchKey')).toBe('noSuchKey');
    expect(categoryLabel('made-up')).toBe('made-up');
  });

  it('substitutes values', () => {
    installMessages(en);
    expect(t('readingTime', 4)).toBe('4 min read');
    expect(t('controlNeverRun', 'example.com')).toBe('Never run on example.com');
    expect(categoryLabel('read-more')).toBe('Read-more link');
  });
});

describe('German interface', () => {
  it('renders the popup in German with German dates', () => {
    installMessages(de);
    const lang = uiLanguage();
    expect(lang).toBe('de');
    expect(formatDate('2023-06-10', lang)).toBe('10. Juni 2023');
    const noop = () => {};
    render(
      <PopupView
        state={{
          status: 'done',
          highlights: true,
          clutterHidden: false,
          ms: 1,
          report: {
            url: 'https://example.de/',
            readerable: false,
            article: null,
            headline: null,
            flags: [],
            cleanText: '',
            summary: [],
            notices: ['no-article'],
          },
        }}
        settings={null}
        lang={lang}
        actions={{
          analyze: noop,
          setHighlights: noop,
          setClutterHidden: noop,
          revealFlag: noop,
          markText: noop,
          disableSite: noop,
          enableSite: noop,
          copy: async () => {},
          openOptions: noop,
        }}
      />,
    );
    expect(screen.getByText('Diese Seite sieht nicht wie ein Artikel aus')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Trotzdem analysieren' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Einstellungen öffnen' })).toBeTruthy();
  });
});
