/**
 * Issue 6 end to end: accessibility (axe-core) of the popup and options page
 * in light and dark mode, the popup's quick controls, the per-site list, and
 * settings import with bad files.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { withSummary } from '../../utils/summary.ts';
import {
  describeBrowser,
  expandAll,
  layerInfo,
  pageFile,
  probe,
  seedExpected,
  seedPage,
  textsVisible,
  useExtension,
} from './support.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const expected = seedExpected();

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}
interface StorageApi {
  storage: { sync: { get(keys: null): Promise<Record<string, unknown>> } };
}
declare const chrome: StorageApi;

/** Serious and critical axe violations on the page (axe evaluated through CDP, so the page's CSP does not apply). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
}

describeBrowser('experience (issue 6)', () => {
  const env = useExtension({
    '/seed': { body: seedPage() },
    '/seed-2': { body: seedPage() },
    '/home': { body: pageFile('home.html') },
  });

  async function stored(): Promise<Record<string, unknown>> {
    const sw = await env.worker();
    return sw.evaluate(() => chrome.storage.sync.get(null));
  }

  async function settingsValue(): Promise<Record<string, unknown>> {
    return ((await stored()).settings ?? {}) as Record<string, unknown>;
  }

  it('popup and options page have no serious or critical axe violations, light and dark', async () => {
    const { page } = await env.open('/seed');
    await env.analysed(page);
    const { page: home } = await env.open('/home');
    await env.analysed(home);
    for (const scheme of ['light', 'dark'] as const) {
      for (const [target, state] of [
        [page, 'article'],
        [home, 'not-article'],
      ] as const) {
        const popup = await env.popupFor(target);
        await popup.emulateMedia({ colorScheme: scheme });
        await expect.poll(() => popup.locator('main[data-state]').getAttribute('data-state')).toBe(state);
        expect(await axeViolations(popup), `popup (${state}, ${scheme})`).toEqual([]);
        await popup.close();
      }
      const options = await env.options();
      await options.emulateMedia({ colorScheme: scheme });
      await options.getByRole('slider').first().waitFor();
      expect(await axeViolations(options), `options (${scheme})`).toEqual([]);
      await options.close();
    }
    await page.close();
    await home.close();
  });

  it('popup and options: every control is reachable by keyboard, with a visible focus ring', async () => {
    const { page } = await env.open('/seed');
    await env.analysed(page);
    const popup = await env.popupFor(page);
    await expect.poll(() => popup.locator('main[data-state]').getAttribute('data-state')).toBe('article');
    await expandAll(popup);
    const options = await env.options();
    await options.getByRole('slider').first().waitFor();
    for (const [name, target] of [
      ['popup', popup],
      ['options', options],
    ] as const) {
      const controls = await target.evaluate(
        () =>
          Array.from(
            document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], summary, [tabindex]'),
          )
            // A radio group is one tab stop (arrow keys move inside it): only its checked radio counts.
            .filter((el) => !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked))
            .filter((el) => !el.hasAttribute('disabled') && el.tabIndex >= 0 && el.checkVisibility())
            .map((el, i) => {
              el.dataset.e2eControl = String(i);
              return String(i);
            }).length,
      );
      expect(controls, name).toBeGreaterThan(3);
      await target.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const reached = new Set<string>();
      const unringed: string[] = [];
      for (let press = 0; press < controls * 2 + 10 && reached.size < controls; press++) {
        await target.keyboard.press('Tab');
        const focus = await target.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          const ring =
            (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
          return {
            id: el.dataset.e2eControl ?? '',
            ring,
            what: `${el.localName} ${el.textContent?.trim().slice(0, 30) ?? ''}`,
          };
        });
        if (!focus) continue;
        if (focus.id) reached.add(focus.id);
        if (!focus.ring) unringed.push(focus.what);
      }
      const missed = await target.evaluate(
        (ids) =>
          Array.from(document.querySelectorAll<HTMLElement>('[data-e2e-control]'))
            .filter((el) => !ids.includes(el.dataset.e2eControl ?? ''))
            .map((el) => el.outerHTML.slice(0, 120)),
        [...reached],
      );
      expect(missed, `${name}: controls not reached by Tab`).toEqual([]);
      expect([...new Set(unringed)], `${name}: focused without a visible ring`).toEqual([]);
    }
    await options.close();
    await popup.close();
    await page.close();
  });

  it('the on-page layer adds no accessibility violations to the page', async () => {
    const { page } = await env.open('/seed');
    await env.analysed(page);
    await expect.poll(async () => (await layerInfo(page)).boxes.length).toBeGreaterThan(0);
    const withLayer = await axeViolations(page);
    await env.send(page, { type: 'set-highlights', on: false });
    await expect.poll(async () => (await layerInfo(page)).hosts).toBe(0);
    const without = await axeViolations(page);
    expect(withLayer.filter((v) => !without.includes(v))).toEqual([]);
    await page.close();
  });

  it('popup quick controls: highlights on/off and hide clutter act on the tab', async () => {
    const { page } = await env.open('/seed');
    await env.analysed(page);
    await expect.poll(async () => (await layerInfo(page)).hosts, { timeout: 10_000 }).toBe(1);
    const popup = await env.popupFor(page);
    await expect.poll(() => popup.locator('main[data-state]').getAttribute('data-state')).toBe('article');
    const highlights = popup.getByRole('switch', { name: /highlights/i });
    const hide = popup.getByRole('switch', { name: /hide clutter/i });
    expect(await highlights.getAttribute('aria-checked')).toBe('true');

    await highlights.click();
    await expect.poll(async () => (await layerInfo(page)).hosts).toBe(0);
    expect(await env.state(page)).toMatchObject({ status: 'done', highlights: false });
    await expect.poll(() => highlights.getAttribute('aria-checked')).toBe('false');
    await highlights.click();
    await expect.poll(async () => (await layerInfo(page)).hosts).toBe(1);

    const clutter = expected.blocks.map((b) => b.textIncludes);
    await hide.click();
    await expect.poll(() => textsVisible(page, clutter)).toEqual(clutter.map(() => false));
    expect(await env.state(page)).toMatchObject({ clutterHidden: true });
    expect(await textsVisible(page, expected.mustNotFlag)).toEqual(expected.mustNotFlag.map(() => true));
    await hide.click();
    await expect.poll(() => textsVisible(page, clutter)).toEqual(clutter.map(() => true));
    await popup.close();
    await page.close();
  });

  it('popup: clicking a flagged block scrolls the page to it and makes it pulse', async () => {
    const { page } = await env.open('/seed');
    await page.setViewportSize({ width: 1000, height: 400 });
    await env.analysed(page);
    const sourceTop = () =>
      probe(page, () => {
        const line = Array.from(document.querySelectorAll('p')).find((p) =>
          p.textContent?.includes('Read Full Article'),
        );
        return line ? line.getBoundingClientRect().top : Number.NaN;
      });
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await sourceTop()).toBeGreaterThan(400);
    const popup = await env.popupFor(page);
    await expect.poll(() => popup.locator('main[data-state]').getAttribute('data-state')).toBe('article');
    await expandAll(popup);
    await popup.locator('button.flag-button').filter({ hasText: 'Read Full Article' }).first().click();
    // The popup here is a tab of its own: show the article tab again so its smooth scroll gets frames.
    await page.bringToFront();
    await expect.poll(sourceTop).toBeLessThan(400);
    expect(await sourceTop()).toBeGreaterThanOrEqual(0);
    await expect
      .poll(() =>
        probe(
          page,
          () => document.querySelector('article-lens-layer')?.shadowRoot?.querySelectorAll('.box.pulse').length ?? 0,
        ),
      )
      .toBe(1);
    await popup.close();
    await page.close();
  });

  it('popup: "Never run on this site" turns it off for the tab, "Turn on" brings it back', async () => {
    const { page } = await env.open('/seed-2');
    await env.analysed(page);
    const popup = await env.popupFor(page);
    const main = popup.locator('main[data-state]');
    await expect.poll(() => main.getAttribute('data-state')).toBe('article');
    await popup.getByRole('button', { name: /never run on 127\.0\.0\.1/i }).click();
    await expect.poll(async () => (await settingsValue()).disabledSites).toEqual(['127.0.0.1']);
    await expect.poll(async () => (await env.state(page)).status).toBe('disabled-site');
    await expect.poll(() => main.getAttribute('data-state')).toBe('disabled-site');
    expect((await layerInfo(page)).hosts).toBe(0);

    await popup.getByRole('button', { name: /turn on for 127\.0\.0\.1/i }).click();
    await expect.poll(async () => (await settingsValue()).disabledSites).toEqual([]);
    await expect.poll(async () => (await env.state(page)).status, { timeout: 15_000 }).toBe('done');
    await expect.poll(() => main.getAttribute('data-state'), { timeout: 15_000 }).toBe('article');

    // Run again re-analyses the page: a headline the page changed meanwhile shows up.
    await page.evaluate(() => {
      const h1 = document.querySelector('h1');
      if (h1) h1.textContent = 'Council approves new budget for road repairs in 2024';
    });
    await popup.getByRole('button', { name: /run again/i }).click();
    await expect
      .poll(async () => {
        const now = await env.state(page);
        return now.status === 'done' ? now.report.headline?.text : undefined;
      })
      .toBe('Council approves new budget for road repairs in 2024');
    await expect.poll(() => main.getAttribute('data-state'), { timeout: 15_000 }).toBe('article');
    await popup.close();
    await page.close();
  });

  it('options: the per-site list adds normalised hosts, rejects junk and removes entries', async () => {
    const options = await env.options();
    const input = options.getByRole('textbox', { name: /site/i });
    await input.fill('https://WWW.Example.COM/some/path');
    await options.getByRole('button', { name: /add site/i }).click();
    await expect.poll(async () => (await settingsValue()).disabledSites).toEqual(['example.com']);
    await expect.poll(() => options.getByRole('button', { name: /remove example\.com/i }).count()).toBe(1);

    await input.fill('not a host!!');
    await options.getByRole('button', { name: /add site/i }).click();
    await expect
      .poll(() =>
        options
          .getByRole('alert')
          .filter({ hasText: /not a host/ })
          .count(),
      )
      .toBeGreaterThan(0);
    expect((await settingsValue()).disabledSites).toEqual(['example.com']);

    await options.getByRole('button', { name: /remove example\.com/i }).click();
    await expect.poll(async () => (await settingsValue()).disabledSites).toEqual([]);
    await options.close();
  });

  it('options: importing a bad file shows an error and changes nothing; a good one applies', async () => {
    const options = await env.options();
    await options.getByRole('slider').first().waitFor();
    const before = await stored();
    const fileInput = options.locator('input[type="file"]');
    const bad: [string, string][] = [
      ['broken.json', '{"autoAnalyze": fal'],
      ['array.json', '[1, 2, 3]'],
      ['other.json', '{"theme": "dark"}'],
      ['wrong-type.json', '{"autoAnalyze": false, "clickbaitSensitivity": "very high"}'],
    ];
    for (const [name, content] of bad) {
      await fileInput.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
      await expect
        .poll(async () => (await options.getByRole('alert').allTextContents()).join(' ').trim(), {
          timeout: 5000,
        })
        .not.toBe('');
      expect(await stored(), name).toEqual(before);
    }
    await fileInput.setInputFiles({
      name: 'good.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ clickbaitSensitivity: 65, highlightStyle: 'tint' })),
    });
    await expect.poll(async () => (await settingsValue()).clickbaitSensitivity).toBe(65);
    expect((await settingsValue()).highlightStyle).toBe('tint');
    expect(Number(await options.getByRole('slider').first().inputValue())).toBe(65);
    // Back to defaults for the other tests.
    await options.getByRole('button', { name: /reset to defaults/i }).click();
    await expect.poll(async () => (await settingsValue()).clickbaitSensitivity).toBe(50);
    await options.close();
  });

  it('options: export writes the settings to a file that imports back after a reset', async () => {
    const options = await env.options();
    await options.getByRole('slider').first().waitFor();
    await options.getByRole('radio', { name: /underline/i }).check();
    await options.getByRole('checkbox', { name: /boilerplate/i }).uncheck();
    await expect.poll(async () => (await settingsValue()).highlightStyle).toBe('underline');
    const saved = await settingsValue();
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: /export settings/i }).click(),
    ]);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as Record<string, unknown>;
    expect(exported).toMatchObject({ highlightStyle: 'underline', showKinds: { boilerplate: false } });
    await options.getByRole('button', { name: /reset to defaults/i }).click();
    await expect.poll(async () => (await settingsValue()).highlightStyle).toBe('outline');
    await options.locator('input[type="file"]').setInputFiles({
      name: download.suggestedFilename(),
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(exported)),
    });
    await expect.poll(async () => (await settingsValue()).highlightStyle).toBe('underline');
    expect(await settingsValue()).toEqual(saved);
    expect(await options.getByRole('checkbox', { name: /boilerplate/i }).isChecked()).toBe(false);
    await options.getByRole('button', { name: /reset to defaults/i }).click();
    await expect.poll(async () => (await settingsValue()).highlightStyle).toBe('outline');
    await options.close();
  });

  it('popup: "Copy report" copies the report as plain text and as Markdown', async () => {
    const { page } = await env.open('/seed');
    const state = await env.analysed(page);
    if (state.status !== 'done' || !state.report.article) throw new Error('seed page not analysed');
    const popup = await env.popupFor(page);
    await expect.poll(() => popup.locator('main[data-state]').getAttribute('data-state')).toBe('article');
    // The real clipboard write succeeds (the popup says so)...
    await popup.getByRole('button', { name: /^copy report$/i }).click();
    await expect.poll(() => popup.getByText(/copied as plain text/i).count()).toBe(1);
    // ...and what it writes is the report: read back through a recording stand-in.
    await popup.evaluate(() => {
      const copied: string[] = [];
      (window as unknown as { __copied: string[] }).__copied = copied;
      navigator.clipboard.writeText = async (text: string) => {
        copied.push(text);
      };
    });
    await popup.getByRole('button', { name: /^copy report$/i }).click();
    await popup.getByRole('button', { name: /markdown/i }).click();
    const copied = await popup.evaluate(() => (window as unknown as { __copied: string[] }).__copied);
    expect(copied).toHaveLength(2);
    const [plain, markdown] = copied as [string, string];
    for (const text of [plain, markdown]) {
      expect(text).toContain(state.report.article.title);
      for (const reason of state.report.headline?.reasons.slice(0, 1) ?? []) expect(text).toContain(reason);
    }
    expect(plain).not.toMatch(/^#+ /m);
    expect(markdown).toMatch(/^#+ /m);
    await popup.close();
    await page.close();
  });

  it("popup shows a short summary made of the article's own sentences, without clutter", async () => {
    const { page } = await env.open('/seed');
    const state = await env.analysed(page);
    if (state.status !== 'done' || !state.report.article) throw new Error('seed page not analysed');
    // The page-load analysis leaves the summary to the popup.
    expect(state.report.summary).toEqual([]);
    const { summary } = withSummary(state.report);
    const { article } = state.report;
    expect(summary.length).toBeGreaterThanOrEqual(2);
    expect(summary.length).toBeLessThanOrEqual(3);
    const articleText = article.text.replace(/\s+/g, ' ');
    for (const sentence of summary) {
      expect(articleText).toContain(sentence.replace(/\s+/g, ' '));
      for (const block of expected.blocks) expect(sentence).not.toContain(block.textIncludes);
    }
    const popup = await env.popupFor(page);
    await expect.poll(() => popup.locator('main[data-state]').getAttribute('data-state')).toBe('article');
    const shown = ((await popup.locator('section.summary').textContent()) ?? '').replace(/\s+/g, ' ');
    for (const sentence of summary) expect(shown).toContain(sentence.replace(/\s+/g, ' '));
    await popup.close();
    await page.close();
  });
});
