/**
 * Issue 4 end to end on the seed page: every expected block is highlighted with
 * its kind, the legend counts match the report, "Hide clutter" hides and
 * restores, highlights work under a strict CSP, and turning them off leaves the
 * serialised DOM exactly as it was.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { isPageChrome } from '../../utils/categories.ts';
import type { PageReport } from '../../utils/report.ts';
import {
  blockGeometry,
  boxingProblems,
  covers,
  describeBrowser,
  layerInfo,
  probe,
  seedExpected,
  seedPage,
  serializedDom,
  textsVisible,
  useExtension,
} from './support.ts';

const expected = seedExpected();
const STRICT_CSP = { 'content-security-policy': "default-src 'none'" };
// The CSP copy drops the page's own inline <style>, so any CSP violation would be ours.
const seedWithoutStyle = seedPage().replace(/<style>[\s\S]*?<\/style>/, '');

function shownCounts(report: PageReport): Record<string, number> {
  const counts: Record<string, number> = { clickbait: 0, boilerplate: 0, related: 0 };
  for (const flag of report.flags) if (!isPageChrome(flag.category)) counts[flag.kind] = (counts[flag.kind] ?? 0) + 1;
  return counts;
}

describeBrowser('clutter highlighting (issue 4)', () => {
  const env = useExtension({
    '/seed': { body: seedPage() },
    '/seed-csp': { body: seedWithoutStyle, headers: STRICT_CSP },
    '/seed-roundtrip': { body: seedPage() },
  });

  it('draws a box of the right kind over every expected block, with a label', async () => {
    const { page, console } = await env.open('/seed');
    const report = await env.report(page);
    await expect.poll(async () => (await layerInfo(page)).boxes.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const geometry = await blockGeometry(
      page,
      expected.blocks.map((block) => block.textIncludes),
    );
    // Nothing that must stay is boxed tightly as clutter.
    const keep = await blockGeometry(page, expected.mustNotFlag);
    expect(boxingProblems(expected.blocks, geometry, expected.mustNotFlag, keep)).toEqual([]);
    const info = await layerInfo(page);
    for (const box of info.boxes) expect(box.label.length, `label of ${box.id}`).toBeGreaterThan(3);
    expect(report.flags.filter((flag) => flag.kind !== 'clickbait').length).toBeGreaterThanOrEqual(
      expected.blocks.length,
    );
    expect(console.fromExtension()).toEqual([]);
    await page.close();
  });

  it('shows legend counts that match the report and the boxes', async () => {
    const { page } = await env.open('/seed');
    const report = await env.report(page);
    await expect.poll(async () => (await layerInfo(page)).legendText, { timeout: 10_000 }).not.toBe('');
    const info = await layerInfo(page);
    const counts = shownCounts(report);
    expect(info.legendCounts).toEqual(counts);
    for (const kind of ['boilerplate', 'related']) {
      expect(info.boxes.filter((box) => box.kind === kind).length, kind).toBe(counts[kind]);
    }
    await page.close();
  });

  it('the legend toggles each kind on and off', async () => {
    const { page } = await env.open('/seed');
    await env.report(page);
    await expect.poll(async () => (await layerInfo(page)).boxes.length).toBeGreaterThan(0);
    const kinds = async () => new Set((await layerInfo(page)).boxes.map((box) => box.kind));
    const button = page.locator('article-lens-layer .legend button[data-kind="related"]');
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    await button.click();
    await expect.poll(async () => (await kinds()).has('related')).toBe(false);
    expect(await kinds()).toContain('boilerplate');
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    await button.click();
    await expect.poll(async () => (await kinds()).has('related')).toBe(true);
    await page.close();
  });

  it('"Hide clutter" hides the flagged blocks and one click brings them back', async () => {
    const { page } = await env.open('/seed');
    await env.report(page);
    await expect.poll(async () => (await layerInfo(page)).clutterButton?.pressed, { timeout: 10_000 }).toBe('false');
    const clutterTexts = expected.blocks.map((block) => block.textIncludes);
    const keepTexts = [expected.headline.text, ...expected.mustNotFlag];
    expect(await textsVisible(page, clutterTexts)).toEqual(clutterTexts.map(() => true));
    const domBefore = await serializedDom(page);

    const button = page.locator('article-lens-layer .legend button.clutter');
    await button.click();
    await expect.poll(() => env.state(page)).toMatchObject({ clutterHidden: true });
    await expect.poll(() => textsVisible(page, clutterTexts)).toEqual(clutterTexts.map(() => false));
    expect(await textsVisible(page, keepTexts)).toEqual(keepTexts.map(() => true));
    expect((await layerInfo(page)).clutterButton?.pressed).toBe('true');

    await button.click();
    await expect.poll(() => textsVisible(page, clutterTexts)).toEqual(clutterTexts.map(() => true));
    expect(await env.state(page)).toMatchObject({ clutterHidden: false });
    // Restoring leaves the page's own markup as it was before hiding.
    await env.send(page, { type: 'set-highlights', on: false });
    const after = await serializedDom(page);
    await env.send(page, { type: 'set-highlights', on: true });
    expect(stripLayer(domBefore)).toBe(after);
    await page.close();
  });

  it('still highlights under Content-Security-Policy: default-src none, with its styles applied', async () => {
    const { page, console } = await env.open('/seed-csp');
    const report = await env.report(page);
    expect(report.flags.length).toBeGreaterThan(0);
    await expect
      .poll(async () => (await layerInfo(page)).boxes.filter((box) => box.visible).length, { timeout: 10_000 })
      .toBeGreaterThan(0);
    const info = await layerInfo(page);
    // The box is drawn (outline, underline or tint), i.e. the stylesheet got in.
    const styled = info.boxes.filter((box) => /solid/.test(box.outline) || !/rgba\(0, 0, 0, 0\)/.test(box.outline));
    expect(styled.length).toBe(info.boxes.length);
    expect(info.legendCounts).toEqual(shownCounts(report));
    const cspErrors = console.entries.filter((entry) => /Content Security Policy|Refused to/i.test(entry.text));
    expect(cspErrors).toEqual([]);
    expect(console.fromExtension()).toEqual([]);
    await page.close();
  });

  it('boxes follow the page when it scrolls, resizes and changes', async () => {
    const { page } = await env.open('/seed');
    await env.report(page);
    await expect.poll(async () => (await layerInfo(page)).boxes.length).toBeGreaterThan(0);
    const texts = expected.blocks.filter((b) => !/cookie/i.test(b.where)).map((b) => b.textIncludes);
    // Measured without scrolling: a scroll would make the layer reposition anyway.
    const allCovered = async () => {
      const geometry = await blockGeometry(page, texts, { scroll: false });
      return geometry.map(({ block, boxes }) => Boolean(block && boxes.some((box) => covers(box.rect, block))));
    };
    expect(await allCovered()).toEqual(texts.map(() => true));
    // The page inserts a tall banner above everything: every block moves down.
    await page.evaluate(() => {
      const banner = document.createElement('div');
      banner.id = 'late-banner';
      banner.style.height = '350px';
      banner.textContent = 'Breaking news banner';
      document.body.prepend(banner);
    });
    await expect.poll(allCovered).toEqual(texts.map(() => true));
    // A narrower window reflows the text.
    await page.setViewportSize({ width: 700, height: 700 });
    await expect.poll(allCovered).toEqual(texts.map(() => true));
    await page.close();
  });

  it('turning highlighting off leaves the serialised DOM exactly as before', async () => {
    await env.setSettings({ autoAnalyze: false });
    try {
      const { page } = await env.open('/seed-roundtrip');
      // Auto-analysis is off: the content script must leave the page untouched until asked.
      await page.waitForTimeout(1500);
      expect((await env.state(page)).status).toBe('idle');
      const before = await serializedDom(page);
      expect((await layerInfo(page)).hosts).toBe(0);
      const rectsBefore = await allRects(page);

      await env.send(page, { type: 'analyze', force: true });
      await env.analysed(page, (state) => state.status === 'done' && state.highlights);
      await expect.poll(async () => (await layerInfo(page)).boxes.length, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(await serializedDom(page)).not.toBe(before);
      // No layout shift: every element of the page sits exactly where it was.
      expect(await allRects(page)).toEqual(rectsBefore);

      // Hide and show clutter on the way, then switch off.
      await env.send(page, { type: 'set-clutter-hidden', hidden: true });
      await env.send(page, { type: 'set-clutter-hidden', hidden: false });
      await env.send(page, { type: 'set-highlights', on: false });
      await expect.poll(async () => (await layerInfo(page)).hosts).toBe(0);
      expect(await serializedDom(page)).toBe(before);

      // And again after hiding clutter while highlights were on, switching off directly.
      await env.send(page, { type: 'set-highlights', on: true });
      await expect.poll(async () => (await layerInfo(page)).hosts).toBe(1);
      await env.send(page, { type: 'set-clutter-hidden', hidden: true });
      await env.send(page, { type: 'set-highlights', on: false });
      await expect.poll(async () => (await layerInfo(page)).hosts).toBe(0);
      const state = await env.state(page);
      if (state.status === 'done' && state.clutterHidden) {
        // Hidden clutter without highlights is allowed; showing it again must restore the DOM.
        await env.send(page, { type: 'set-clutter-hidden', hidden: false });
      }
      expect(await serializedDom(page)).toBe(before);
      await page.close();
    } finally {
      await env.setSettings({ autoAnalyze: true });
    }
  });
});

/** The DOM with the layer's host element removed (the host is the last child of <html>). */
function stripLayer(html: string): string {
  return html.replace(/<article-lens-layer[\s\S]*?<\/article-lens-layer>/g, '');
}

/** Every element's box, in document order (the layer's host excluded). */
function allRects(page: Page): Promise<string[]> {
  return probe(page, () =>
    Array.from(document.body.querySelectorAll('*'))
      .filter((el) => !el.closest('article-lens-layer'))
      .map((el) => {
        const r = el.getBoundingClientRect();
        return `${el.localName} ${r.left},${r.top},${r.width},${r.height}`;
      }),
  );
}
