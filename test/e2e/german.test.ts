/**
 * Issue 6 end to end: with the browser's interface in German, the popup and
 * the options page speak German (through the extension's i18n messages).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { describeBrowser, pageFile, seedPage, useExtension } from './support.ts';

type Messages = Record<string, { message: string }>;
const localeFile = (lang: string) =>
  JSON.parse(
    readFileSync(resolve(import.meta.dirname, '..', '..', 'public', '_locales', lang, 'messages.json'), 'utf8'),
  ) as Messages;
const de = localeFile('de');
const en = localeFile('en');
const msg = (messages: Messages, key: string) => messages[key]?.message ?? `<missing ${key}>`;

describeBrowser('German interface (issue 6)', () => {
  const env = useExtension({ '/seed': { body: seedPage() }, '/home': { body: pageFile('home.html') } }, { lang: 'de' });

  it('popup shows the article view in German', async () => {
    const { page } = await env.open('/seed');
    const state = await env.analysed(page);
    const popup = await env.popupFor(page);
    const main = popup.locator('main[data-state]');
    await expect.poll(() => main.getAttribute('data-state')).toBe('article');
    const text = ((await main.textContent()) ?? '').replace(/\s+/g, ' ');
    for (const key of ['sectionHeadline', 'sectionClutter', 'sectionControls', 'headlineClickbait']) {
      expect(msg(de, key)).not.toBe(msg(en, key));
      expect(text, key).toContain(msg(de, key));
    }
    const minutes = state.status === 'done' ? state.report.article?.readingMinutes : 0;
    expect(text).toContain(msg(de, 'readingTime').replace('$1', String(minutes)));
    expect(text).not.toContain(msg(en, 'sectionControls'));
    expect(await popup.getByRole('switch', { name: msg(de, 'controlHighlights') }).count()).toBe(1);
    await popup.close();
    await page.close();
  });

  it('popup offers "Trotzdem analysieren" on a non-article page, and the options page is German', async () => {
    const { page } = await env.open('/home');
    const popup = await env.popupFor(page);
    await expect.poll(() => popup.locator('main[data-state]').getAttribute('data-state')).toBe('not-article');
    expect(await popup.getByRole('button', { name: msg(de, 'analyzeAnyway') }).count()).toBe(1);
    await popup.close();
    await page.close();
    const options = await env.options();
    await expect.poll(() => options.getByRole('heading', { level: 1 }).textContent()).toBe(msg(de, 'optionsTitle'));
    expect(await options.getByRole('slider', { name: msg(de, 'sensitivityLabel') }).count()).toBe(1);
    expect(await options.locator('html').getAttribute('lang')).toMatch(/^de/);
    await options.close();
  });
});
