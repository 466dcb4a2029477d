/**
 * Issue 3 end to end: the seed headline is labelled on the page, the popup
 * shows the verdict with its reasons, and the sensitivity slider in the options
 * page changes the verdict in the open tab.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { clickbaitThreshold, DEFAULT_SETTINGS } from '../../utils/settings.ts';
import {
  blockGeometry,
  covers,
  describeBrowser,
  layerInfo,
  probe,
  seedExpected,
  seedPage,
  serializedDom,
  useExtension,
} from './support.ts';

const expected = seedExpected();
const MID_HEADLINE = 'Fury as council axes bin collections';
const midPage = seedPage().replaceAll(expected.headline.text, MID_HEADLINE);

describeBrowser('clickbait headline (issue 3)', () => {
  const env = useExtension({ '/seed': { body: seedPage() }, '/mid': { body: midPage } });

  async function headline(page: Page) {
    const report = await env.report(page);
    if (!report.headline) throw new Error('report has no headline verdict');
    return { report, headline: report.headline };
  }

  it('labels the seed headline on the page with its score and reasons', async () => {
    const { page, console } = await env.open('/seed');
    const { report, headline: verdict } = await headline(page);
    expect(verdict.text).toBe(expected.headline.text);
    expect(verdict.clickbait).toBe(true);
    expect(verdict.score).toBeGreaterThan(clickbaitThreshold(DEFAULT_SETTINGS));
    expect(verdict.reasons.join(' | ')).toMatch(/sensational|fear|shock|WW3/i);
    const flag = report.flags.find((f) => f.kind === 'clickbait' && f.category === 'headline');
    expect(flag).toBeDefined();

    await expect
      .poll(async () => (await layerInfo(page)).boxes.filter((b) => b.kind === 'clickbait').length, { timeout: 10_000 })
      .toBeGreaterThan(0);
    const [geometry] = await blockGeometry(page, [expected.headline.text]);
    const h1 = geometry?.block;
    const boxes = geometry?.boxes ?? [];
    expect(h1).not.toBeNull();
    const box = boxes.find((b) => b.kind === 'clickbait' && h1 && covers(b.rect, h1));
    expect(box, 'a clickbait box over the <h1>').toBeDefined();
    const label = (await layerInfo(page)).boxes.find((b) => b.id === box?.id)?.label ?? '';
    // The label speaks plainly: the score and at least one reason's words.
    expect(label).toMatch(/\d/);
    expect(label).toMatch(/sensational|fear|shock|WW3/i);
    expect(console.fromExtension()).toEqual([]);
    await page.close();
  });

  it('shows the verdict, a score meter and the reasons in the popup', async () => {
    const { page } = await env.open('/seed');
    const { headline: verdict } = await headline(page);
    const popup = await env.popupFor(page);
    await expect.poll(() => popup.locator('main[data-state]').getAttribute('data-state')).toBe('article');
    const section = popup.locator('section.verdict');
    const meter = section.getByRole('meter');
    expect(await meter.count()).toBe(1);
    expect(Number(await meter.getAttribute('value'))).toBeCloseTo(
      (verdict.score ?? 0) * Number((await meter.getAttribute('max')) ?? 1),
      0,
    );
    const text = ((await section.textContent()) ?? '').replace(/\s+/g, ' ');
    for (const reason of verdict.reasons.slice(0, 2)) expect(text).toContain(reason);
    expect(text).toMatch(/clickbait|bait/i);
    await popup.close();
    await page.close();
  });

  it('changes the verdict live when the sensitivity slider moves', async () => {
    // A headline of middling score, so thresholds on both sides of it exist.
    const { page } = await env.open('/mid');
    const { headline: verdict } = await headline(page);
    expect(verdict.text).toBe(MID_HEADLINE);
    const score = verdict.score ?? Number.NaN;
    expect(score, 'the middling headline scores between 0.15 and 0.85').toBeGreaterThan(0.15);
    expect(score).toBeLessThan(0.85);
    // Sensitivities whose thresholds lie 0.1 above and 0.1 below the score.
    const stricter = Math.round((1 - (score + 0.1)) * 100);
    const looser = Math.round((1 - (score - 0.1)) * 100);
    const options = await env.options();
    const slider = options.getByRole('slider', { name: /sensitiv/i });
    const verdictNow = async () => {
      const state = await env.state(page);
      return state.status === 'done' ? state.report.headline?.clickbait : undefined;
    };
    const headlineBoxes = async () => {
      const [geometry] = await blockGeometry(page, [MID_HEADLINE], { scroll: false });
      const h1 = geometry?.block;
      return (geometry?.boxes ?? []).filter((b) => b.kind === 'clickbait' && h1 && covers(b.rect, h1)).length;
    };
    try {
      await slider.fill(String(stricter));
      await expect.poll(verdictNow).toBe(false);
      await expect.poll(headlineBoxes).toBe(0);
      await slider.fill(String(looser));
      await expect.poll(verdictNow).toBe(true);
      await expect.poll(headlineBoxes).toBe(1);
      await slider.fill(String(stricter));
      await expect.poll(verdictNow).toBe(false);
      // The teasers follow the same threshold: at the loosest setting, every known bait teaser is marked.
      await slider.fill('100');
      await expect.poll(verdictNow).toBe(true);
      const state = await env.state(page);
      const teasers = state.status === 'done' ? state.report.flags.filter((f) => f.category === 'teaser') : [];
      for (const teaser of expected.teaserHeadlines.filter((t) => t.clickbait)) {
        expect(teasers.some((f) => f.text.includes(teaser.text))).toBe(true);
      }
    } finally {
      await slider.fill(String(DEFAULT_SETTINGS.clickbaitSensitivity));
      await options.close();
      await page.close();
    }
  });

  it('popup: "Saved you a click" shows the spoiler and its button marks that sentence on the page', async () => {
    const { page } = await env.open('/seed');
    await headline(page);
    const before = await serializedDom(page);
    const popup = await env.popupFor(page);
    await expect.poll(() => popup.locator('main[data-state]').getAttribute('data-state')).toBe('article');
    const line = popup.locator('section.verdict .spoiler-text');
    await expect.poll(() => line.count()).toBe(1);
    const shown = (await line.textContent()) ?? '';
    expect(shown).toMatch(/^Saved you a click: /);
    const spoiler = shown.replace(/^Saved you a click: /, '');
    expect(spoiler.split(' ').length).toBeLessThanOrEqual(60);
    await popup.getByRole('button', { name: 'Show it on the page' }).click();
    await page.bringToFront();
    // The mark is drawn in the layer over the sentence's own line boxes, and the sentence is in view.
    const marked = () =>
      probe(
        page,
        (text: string) => {
          const marks = [
            ...(document.querySelector('article-lens-layer')?.shadowRoot?.querySelectorAll('.mark') ?? []),
          ];
          const paragraph = [...document.querySelectorAll('p')].find((p) =>
            (p.textContent ?? '').replace(/\s+/g, ' ').includes(text.slice(0, 40)),
          );
          if (!paragraph || marks.length === 0) return { marks: marks.length, inside: false, visible: false };
          const box = paragraph.getBoundingClientRect();
          const inside = marks.every((mark) => {
            const r = mark.getBoundingClientRect();
            return r.top >= box.top - 4 && r.bottom <= box.bottom + 4 && r.width > 0;
          });
          return { marks: marks.length, inside, visible: box.top < innerHeight && box.bottom > 0 };
        },
        spoiler,
      );
    await expect.poll(marked, { timeout: 10_000 }).toEqual({ marks: expect.any(Number), inside: true, visible: true });
    expect((await marked()).marks).toBeGreaterThan(0);
    // The page's DOM is as it was: the mark lives in the layer's shadow root.
    expect(await serializedDom(page)).toBe(before);
    await popup.close();
    await page.close();
  });
});
