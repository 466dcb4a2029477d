/**
 * The core journeys in real Firefox with the Firefox build (`.output/firefox-mv2`,
 * installed as a temporary add-on): the sample page's highlights and legend,
 * the popup's article card, the badge, options saved and applied, hiding
 * clutter and restoring the DOM exactly, a strict-CSP page and a page that is
 * not an article. Everything is checked where a user sees it: the layer's
 * shadow root, the page, the popup, the badge and the stored settings.
 */
import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { badgeFor } from '../../utils/messages.ts';
import {
  blockGeometry,
  boxingProblems,
  control,
  describeFirefox,
  isChecked,
  layerButton,
  layerInfo,
  pageFile,
  pollPage,
  seedExpected,
  seedPage,
  serializedDom,
  stripLayer,
  textOf,
  textsVisible,
  useFirefox,
} from './firefox-support.ts';

const expected = seedExpected();
const STRICT_CSP = { 'content-security-policy': "default-src 'none'" };
// The CSP copy drops the page's own inline <style>, so any CSP violation would be ours.
const seedWithoutStyle = seedPage().replace(/<style>[\s\S]*?<\/style>/, '');
const CLUTTER_KINDS = ['boilerplate', 'related'] as const;

/** Waits until the layer on `page` shows boxes (the tab is brought to the front: background tabs are throttled). */
async function highlighted(page: Page) {
  await page.bringToFront();
  await pollPage(
    page,
    () =>
      (document.querySelector('article-lens-layer')?.shadowRoot?.querySelectorAll('.box[data-flag]').length ?? 0) > 0,
  );
  return layerInfo(page);
}

/** The badge the legend's counts call for: "!" for a clickbait headline, then the clutter count. */
function badgeFromLegend(counts: Record<string, number>, clickbait: boolean): string {
  const clutter = CLUTTER_KINDS.reduce((sum, kind) => sum + (counts[kind] ?? 0), 0);
  return badgeFor({ readerable: true, clickbait, clutter }).text;
}

describeFirefox('Firefox: core journeys', () => {
  const env = useFirefox({
    '/news/ww3-fears': { body: seedPage() },
    '/news/ww3-fears-options': { body: seedPage() },
    '/news/ww3-fears-roundtrip': { body: seedPage() },
    '/news/ww3-fears-csp': { body: seedWithoutStyle, headers: STRICT_CSP },
    '/': { body: pageFile('home.html') },
  });

  it('highlights the sample page: a box of the right kind over every expected block, counted by the legend', async () => {
    const page = await env.open('/news/ww3-fears');
    const info = await highlighted(page);
    expect(info.hosts).toBe(1);
    const geometry = await blockGeometry(
      page,
      expected.blocks.map((block) => block.textIncludes),
    );
    // Nothing that must stay is boxed tightly as clutter.
    const keep = await blockGeometry(page, expected.mustNotFlag);
    expect(boxingProblems(expected.blocks, geometry, expected.mustNotFlag, keep)).toEqual([]);
    // Every box has a label with its reasons, and the legend counts the boxes of each clutter kind.
    for (const box of info.boxes) expect(box.label.length, `label of ${box.id}`).toBeGreaterThan(3);
    expect(info.legendText).not.toBe('');
    for (const kind of CLUTTER_KINDS) {
      const expectedOfKind = expected.blocks.filter((block) => block.kind === kind).length;
      expect(info.legendCounts[kind], kind).toBeGreaterThanOrEqual(expectedOfKind);
      expect(info.boxes.filter((box) => box.kind === kind).length, kind).toBe(info.legendCounts[kind]);
    }
    // The headline and bait teasers are counted too.
    expect(info.legendCounts.clickbait ?? 0).toBeGreaterThanOrEqual(
      (expected.headline.clickbait ? 1 : 0) + expected.teaserHeadlines.filter((teaser) => teaser.clickbait).length,
    );
    // The legend's kind buttons toggle their boxes.
    const related = await layerButton(page, '.legend button[data-kind="related"]');
    await related.click();
    await expect.poll(async () => (await layerInfo(page)).boxes.some((box) => box.kind === 'related')).toBe(false);
    expect((await layerInfo(page)).boxes.some((box) => box.kind === 'boilerplate')).toBe(true);
    // The legend is drawn again on each change: find the button afresh.
    await (await layerButton(page, '.legend button[data-kind="related"]')).click();
    await expect.poll(async () => (await layerInfo(page)).boxes.some((box) => box.kind === 'related')).toBe(true);
    expect(env.consoleOf(page).fromExtension()).toEqual([]);
    await page.close();
  });

  it('popup.html?tab= shows the article card for that tab, with counts that match the page', async () => {
    const page = await env.open('/news/ww3-fears');
    const info = await highlighted(page);
    const popup = await env.popupFor(page);
    expect(await popup.$eval('main', (main) => main.getAttribute('data-state'))).toBe('article');
    expect(await textOf(popup, '.article-info .title')).toBe(expected.article.title);
    expect(await textOf(popup, '.article-info .site')).toContain(expected.article.siteName);
    const meta = await textOf(popup, '.article-info .meta');
    expect(meta).toMatch(/June 10, 2023|10 Jun(e)? 2023|2023-06-10|6\/10\/2023/);
    expect(meta).toMatch(/\d+\s*min/);
    // The headline verdict.
    const pill = await popup.$eval('.verdict .pill', (el) => el.className);
    expect(pill).toContain(expected.headline.clickbait ? 'pill-bad' : 'pill-good');
    // The clutter counts the popup lists are the ones the page's legend shows.
    const counts = await popup.$$eval('.clutter .count', (items) =>
      Object.fromEntries(
        items.map((item) => [
          (item.className.match(/count-(\w+)/) ?? [])[1] ?? '',
          Number(item.querySelector('.count-number')?.textContent),
        ]),
      ),
    );
    for (const kind of CLUTTER_KINDS) expect(counts[kind], kind).toBe(info.legendCounts[kind]);
    // The summary is made in the popup: sentences of the article.
    const summary = await textOf(popup, '.summary p');
    expect(summary.length).toBeGreaterThan(40);
    const pageText = await page.evaluate(() => (document.body.textContent ?? '').replace(/\s+/g, ' '));
    expect(pageText).toContain(summary.slice(0, 40));
    // The card's report is the one the background page keeps for the tab; closing the tab drops it.
    const tabId = await env.tabId(page);
    const keptTitle = (id: number) =>
      popup.evaluate(async (tab) => {
        const runtime = (
          globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).browser.runtime;
        const answer = (await runtime.sendMessage({ type: 'get-report', tabId: tab })) as {
          report: { article: { title: string } | null } | null;
        };
        return answer.report === null ? null : (answer.report.article?.title ?? '');
      }, id);
    expect(await keptTitle(tabId)).toBe(expected.article.title);
    expect(env.consoleOf(page).fromExtension()).toEqual([]);
    await page.close();
    await expect.poll(() => keptTitle(tabId)).toBeNull();
    await popup.close();
  });

  it('the badge of the tab shows the verdict and the clutter count, and clears on a page that is not an article', async () => {
    const page = await env.open('/news/ww3-fears');
    const info = await highlighted(page);
    const wanted = badgeFromLegend(info.legendCounts, expected.headline.clickbait);
    expect(wanted).not.toBe('');
    await expect.poll(() => env.badge(page)).toBe(wanted);
    await page.goto(env.server.url('/'), { waitUntil: 'load' });
    await page.bringToFront();
    await expect.poll(() => env.badge(page)).toBe('');
    expect(env.consoleOf(page).fromExtension()).toEqual([]);
    await page.close();
  });

  it('options: a kind and the highlight style are saved and applied live to the open tab and its badge', async () => {
    const page = await env.open('/news/ww3-fears-options');
    const before = await highlighted(page);
    await expect.poll(() => env.badge(page)).toBe(badgeFromLegend(before.legendCounts, expected.headline.clickbait));
    const kinds = async () => new Set((await layerInfo(page)).boxes.map((box) => box.kind));
    expect(await kinds()).toContain('related');

    const options = await env.options();
    const related = await control(options, 'checkbox', /related links/i);
    expect(await isChecked(related)).toBe(true);
    await related.click();
    await expect
      .poll(async () => {
        const stored = (await env.firefox.storage()).sync.settings as
          | { showKinds?: Record<string, boolean> }
          | undefined;
        return stored?.showKinds?.related;
      })
      .toBe(false);
    await page.bringToFront();
    await expect.poll(async () => (await kinds()).has('related')).toBe(false);
    expect(await kinds()).toContain('boilerplate');
    // The badge counts only the kinds shown.
    await expect
      .poll(() => env.badge(page))
      .toBe(badgeFromLegend({ ...before.legendCounts, related: 0 }, expected.headline.clickbait));

    // Underline style: a bottom border instead of an outline.
    await options.bringToFront();
    await (await control(options, 'radio', /underline/i)).click();
    await expect
      .poll(async () => ((await env.firefox.storage()).sync.settings as { highlightStyle?: string })?.highlightStyle)
      .toBe('underline');
    await page.bringToFront();
    const styles = async () => (await layerInfo(page)).boxes.map((box) => box.outline);
    await expect.poll(async () => (await styles()).every((style) => /^none \S+ solid/.test(style))).toBe(true);

    // Back to the defaults.
    await options.bringToFront();
    await (await control(options, 'radio', /outline/i)).click();
    await (await control(options, 'checkbox', /related links/i)).click();
    await page.bringToFront();
    await expect.poll(async () => (await kinds()).has('related')).toBe(true);
    await expect.poll(async () => (await styles()).every((style) => style.startsWith('solid'))).toBe(true);
    await options.close();
    expect(env.consoleOf(page).fromExtension()).toEqual([]);
    await page.close();
  });

  it('hides clutter from the legend and the popup, and turning highlights off leaves the DOM exactly as it was', async () => {
    await env.firefox.setSettings({ autoAnalyze: false });
    try {
      const page = await env.open('/news/ww3-fears-roundtrip');
      // Auto-analysis is off: the page stays untouched until the popup asks for it.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect((await layerInfo(page)).hosts).toBe(0);
      const pristine = await serializedDom(page);
      const clutterTexts = expected.blocks.map((block) => block.textIncludes);
      const keepTexts = [expected.headline.text, ...expected.mustNotFlag];
      expect(await textsVisible(page, clutterTexts)).toEqual(clutterTexts.map(() => true));

      // Opening the popup analyses the tab and draws the layer.
      const popup = await env.popupFor(page);
      expect(await popup.$eval('main', (main) => main.getAttribute('data-state'))).toBe('article');
      const info = await highlighted(page);
      expect(info.clutterButton?.pressed).toBe('false');

      // The legend's "Hide clutter" hides every flagged block and keeps the article.
      await (await layerButton(page, '.legend button.clutter')).click();
      await expect.poll(() => textsVisible(page, clutterTexts)).toEqual(clutterTexts.map(() => false));
      expect(await textsVisible(page, keepTexts)).toEqual(keepTexts.map(() => true));
      expect((await layerInfo(page)).clutterButton?.pressed).toBe('true');
      await (await layerButton(page, '.legend button.clutter')).click();
      await expect.poll(() => textsVisible(page, clutterTexts)).toEqual(clutterTexts.map(() => true));

      // The popup's switch does the same.
      await popup.bringToFront();
      const hide = await control(popup, 'switch', /hide clutter/i);
      await hide.click();
      await page.bringToFront();
      await expect.poll(() => textsVisible(page, clutterTexts)).toEqual(clutterTexts.map(() => false));
      await popup.bringToFront();
      await hide.click();
      await page.bringToFront();
      await expect.poll(() => textsVisible(page, clutterTexts)).toEqual(clutterTexts.map(() => true));
      expect(stripLayer(await serializedDom(page))).toBe(pristine);

      // Hide again, then switch highlights off from the popup: the layer goes and the DOM is the page's own again.
      await popup.bringToFront();
      await hide.click();
      await page.bringToFront();
      await expect.poll(() => textsVisible(page, clutterTexts)).toEqual(clutterTexts.map(() => false));
      await popup.bringToFront();
      await (await control(popup, 'switch', /highlights/i)).click();
      await page.bringToFront();
      await expect.poll(async () => (await layerInfo(page)).hosts).toBe(0);
      await popup.bringToFront();
      if (await isChecked(await control(popup, 'switch', /hide clutter/i))) {
        // Hidden clutter without highlights is allowed; showing it again must restore the DOM.
        await (await control(popup, 'switch', /hide clutter/i)).click();
      }
      await page.bringToFront();
      await expect.poll(() => textsVisible(page, clutterTexts)).toEqual(clutterTexts.map(() => true));
      expect(await serializedDom(page)).toBe(pristine);
      await popup.close();
      expect(env.consoleOf(page).fromExtension()).toEqual([]);
      await page.close();
    } finally {
      await env.firefox.setSettings({ autoAnalyze: true });
    }
  });

  it('highlights a page under Content-Security-Policy: default-src none, styled, with no CSP violation', async () => {
    const page = await env.firefox.browser.newPage();
    env.watch(page);
    // Recorded from before the page's first script (a preload script is not subject to the page's CSP).
    await page.evaluateOnNewDocument(() => {
      const seen: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    await page.bringToFront();
    await page.goto(env.server.url('/news/ww3-fears-csp'), { waitUntil: 'load' });
    const info = await highlighted(page);
    expect(info.boxes.filter((box) => box.visible).length).toBeGreaterThan(0);
    // Each box is drawn (outline, underline or tint): the layer's stylesheet got in.
    const styled = info.boxes.filter((box) => /solid/.test(box.outline) || !/rgba\(0, 0, 0, 0\)/.test(box.outline));
    expect(styled.length).toBe(info.boxes.length);
    expect(info.legendText).not.toBe('');
    for (const kind of CLUTTER_KINDS) {
      expect(info.boxes.filter((box) => box.kind === kind).length, kind).toBe(info.legendCounts[kind]);
    }
    await expect.poll(() => env.badge(page)).toBe(badgeFromLegend(info.legendCounts, expected.headline.clickbait));
    // The browser's own favicon request is not the page's nor the extension's doing.
    const violations = async () =>
      (await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).filter(
        (entry) => !entry.endsWith('/favicon.ico'),
      );
    expect(await violations()).toEqual([]);
    // The recorder works: an inline style the page's policy forbids is reported.
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'p { color: red }';
      document.head.append(style);
    });
    await expect.poll(async () => (await violations()).length).toBeGreaterThan(0);
    expect(env.consoleOf(page).fromExtension()).toEqual([]);
    await page.close();
  });

  it('on a page where nothing is an article: no badge, and the popup says so and offers "Analyse anyway"', async () => {
    const page = await env.open('/');
    await page.bringToFront();
    const popup = await env.popupFor(page);
    expect(await popup.$eval('main', (main) => main.getAttribute('data-state'))).toBe('not-article');
    expect(await textOf(popup, '.message-title')).toMatch(/doesn.t look like an article/i);
    const anyway = await control(popup, 'button', /analy[sz]e anyway/i);
    expect(await env.badge(page)).toBe('');
    await anyway.click();
    // Forcing it runs the analysis and leaves the popup in a definite, non-error state.
    await expect
      .poll(() => popup.$eval('main', (main) => main.getAttribute('data-state')))
      .toMatch(/^(article|not-article)$/);
    expect(await popup.$$('[role="alert"]')).toHaveLength(0);
    await popup.close();
    expect(env.consoleOf(page).fromExtension()).toEqual([]);
    await page.close();
  });
});
