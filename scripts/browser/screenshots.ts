/**
 * `npm run screenshots`: the README's pictures of the real extension, taken by
 * driving Chromium so they stay true when the UI changes. Writes into docs/:
 * seed-page-highlighted.png, popup.png, popup-dark.png, settings.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { decodeHtml } from '../../utils/charset.ts';
import { ensureBuild } from '../bench/build.ts';
import { fitToPopup, wholePageShot } from '../bench/extension.ts';
import { PROJECT_ROOT } from '../shared-data.ts';
import { launchWithExtension, openOptions, sendToTab, servePages, tabIdOf, waitForAnalysis } from './harness.ts';

const DOCS = resolve(PROJECT_ROOT, 'docs');
const SEED_HOST = 'bestnews.example';

const settle = (page: Page) =>
  page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 300)));
  });

async function main(): Promise<void> {
  ensureBuild();
  mkdirSync(DOCS, { recursive: true });
  const seed = decodeHtml(
    new Uint8Array(readFileSync(resolve(PROJECT_ROOT, 'test', 'fixtures', 'seed-article', 'page.html'))),
  );
  const server = await servePages({ '/news/ww3-fears.html': { body: seed } });
  const browser = await launchWithExtension({
    lang: 'en',
    viewport: { width: 1280, height: 900 },
    snapshot: true,
    // The sample page's own host name (served from 127.0.0.1), so the popup names the site as a reader would see it.
    extraArgs: [`--host-resolver-rules=MAP ${SEED_HOST} 127.0.0.1`],
  });
  const written: string[] = [];
  const shot = async (page: Page, name: string, fullPage = true) => {
    await settle(page);
    const path = join(DOCS, name);
    await page.screenshot({ path, fullPage });
    written.push(path);
  };
  try {
    const page = await browser.context.newPage();
    await page.goto(`http://${SEED_HOST}:${new URL(server.origin).port}/news/ww3-fears.html`);
    const worker = await browser.worker();
    const tabId = await tabIdOf(worker, page);
    const state = await waitForAnalysis(worker, tabId, { timeout: 30_000 });
    if (state.status !== 'done') throw new Error(`The seed page was not analysed (state: ${state.status}).`);
    if (!state.highlights) await sendToTab(worker, tabId, { type: 'set-highlights', on: true });
    await settle(page);
    const pageShot = join(DOCS, 'seed-page-highlighted.png');
    await wholePageShot(page, pageShot);
    written.push(pageShot);

    const popupUrl = `chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`;
    for (const scheme of ['light', 'dark'] as const) {
      const popup = await browser.context.newPage();
      await popup.setViewportSize({ width: 420, height: 600 });
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.goto(popupUrl);
      await popup.waitForSelector('[data-state]:not([data-state="loading"])', { timeout: 15_000 });
      await settle(popup);
      await fitToPopup(popup);
      await shot(popup, scheme === 'light' ? 'popup.png' : 'popup-dark.png');
      await popup.close();
    }

    const options = await openOptions(browser.context, browser.extensionId);
    await options.setViewportSize({ width: 1000, height: 800 });
    await shot(options, 'settings.png');
  } finally {
    await browser.close();
    await server.close();
  }
  for (const path of written) process.stdout.write(`wrote ${relative(process.cwd(), path)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
