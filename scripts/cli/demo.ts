/**
 * `npm start [page.html | URL] [--headless] [--out DIR]`: the one command after
 * `npm install`. Builds the extension if needed, then runs it on the bundled
 * sample news page (or the page given):
 * - with a display: opens Chromium with the extension loaded, for you to try;
 * - without one (or --headless): analyses the page headless and writes the
 *   report and screenshots of the highlighted page and of the popup.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { isPageChrome } from '../../utils/categories.ts';
import { decodeHtml } from '../../utils/charset.ts';
import type { PageReport } from '../../utils/report.ts';
import { withSpoiler } from '../../utils/spoiler/index.ts';
import { withSummary } from '../../utils/summary.ts';
import { ensureBuild } from '../bench/build.ts';
import { fitToPopup, wholePageShot } from '../bench/extension.ts';
import { launchWithExtension, sendToTab, tabIdOf, waitForAnalysis } from '../browser/harness.ts';
import { PROJECT_ROOT } from '../shared-data.ts';

const SAMPLE = join('test', 'fixtures', 'seed-article', 'page.html');

const TYPES: Record<string, string> = {
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

/** Serves the page's folder from 127.0.0.1; HTML is decoded like the CLI does and sent as UTF-8. */
async function serveFile(file: string): Promise<{ url: string; close(): void }> {
  const root = dirname(file);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const target = resolve(root, `.${path}`);
    if (!target.startsWith(root + sep) || !existsSync(target) || !statSync(target).isFile()) {
      response.writeHead(404).end();
      return;
    }
    const bytes = new Uint8Array(readFileSync(target));
    const ext = extname(target).toLowerCase();
    if (ext === '.html' || ext === '.htm' || ext === '') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(decodeHtml(bytes));
    } else {
      response.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream' });
      response.end(bytes);
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/${encodeURIComponent(basename(file))}`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

function hasDisplay(): boolean {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function summaryLines(report: PageReport): string[] {
  const lines: string[] = [];
  lines.push(`Title:    ${report.article?.title ?? '(no article found)'}`);
  if (report.article) {
    const { siteName, byline, publishedTime, readingMinutes, wordCount } = report.article;
    lines.push(
      `Article:  ${[siteName, byline, publishedTime].filter(Boolean).join(' · ') || '-'} · ${wordCount} words, ${readingMinutes} min`,
    );
  }
  const headline = report.headline;
  lines.push(
    `Headline: ${
      headline
        ? `${headline.clickbait ? 'clickbait' : 'not clickbait'}${headline.score === null ? '' : ` (score ${headline.score.toFixed(2)})`}` +
          (headline.reasons.length ? ` - ${headline.reasons.slice(0, 3).join('; ')}` : '')
        : 'not judged'
    }`,
  );
  if (headline?.spoiler) lines.push(`Spoiler:  ${headline.spoiler.text} (${headline.spoiler.type})`);
  else if (headline?.clickbait) lines.push(`Spoiler:  none (${headline.spoilerReason ?? 'no answer'})`);
  const counts = new Map<string, number>();
  for (const flag of report.flags) counts.set(flag.kind, (counts.get(flag.kind) ?? 0) + 1);
  // The popup and the page show page chrome (site header, footer, menus) only when the settings ask for it.
  const chrome = report.flags.filter((flag) => isPageChrome(flag.category)).length;
  lines.push(
    `Flags:    ${report.flags.length} (${[...counts].map(([kind, n]) => `${kind} ${n}`).join(', ') || 'none'})` +
      (chrome ? `; ${chrome} of them page chrome, shown only when the settings ask for it` : ''),
  );
  if (report.notices.length) lines.push(`Notices:  ${report.notices.join(', ')}`);
  return lines;
}

async function screenshotPopup(page: Page, file: string): Promise<void> {
  await page.setViewportSize({ width: 420, height: 640 });
  await page.waitForSelector('[data-state]:not([data-state="loading"])', { timeout: 15_000 }).catch(() => undefined);
  // Let fonts and the last render settle.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 200))));
  await fitToPopup(page);
  await page.screenshot({ path: file, fullPage: true });
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      headless: { type: 'boolean', default: false },
      out: { type: 'string', default: 'out' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write('Usage: npm start -- [page.html | http(s)://URL] [--headless] [--out DIR]\n');
    return;
  }
  // npm runs scripts from the project root; paths the user typed are relative to where they were.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const target = positionals[0] ?? resolve(PROJECT_ROOT, SAMPLE);
  const isUrl = /^https?:\/\//i.test(target);
  const file = isUrl ? null : resolve(cwd, target);
  if (file && (!existsSync(file) || !statSync(file).isFile())) {
    process.stderr.write(`Not a file: ${target}\n`);
    process.exit(2);
  }

  ensureBuild({ log: (line) => process.stdout.write(`${line}\n`) });
  const served = file ? await serveFile(file) : null;
  const pageUrl = served?.url ?? target;
  const headless = values.headless || !hasDisplay();

  if (!headless) {
    const opened = await launchWithExtension({ headless: false, viewport: null, snapshot: true }).catch(
      (error: unknown) => {
        // DISPLAY set but no usable screen (e.g. a stale variable over ssh): do the headless job instead.
        process.stdout.write(`Could not open a browser window (${String(error).split('\n')[0]}); running headless.\n`);
        return null;
      },
    );
    if (opened) {
      const page = opened.context.pages()[0] ?? (await opened.context.newPage());
      await page.goto(pageUrl);
      process.stdout.write(
        `Chromium is open on ${pageUrl} with Article Lens loaded.\n` +
          'Click the Article Lens button in the toolbar (pin it from the puzzle-piece menu) to see the report;\n' +
          'Alt+Shift+H toggles the highlights. Close the browser window to finish.\n',
      );
      await new Promise<void>((done) => opened.context.on('close', () => done()));
      await opened.close();
      served?.close();
      return;
    }
  }

  const outDir = resolve(cwd, values.out);
  mkdirSync(outDir, { recursive: true });
  const browser = await launchWithExtension({ snapshot: true });
  try {
    const page = await browser.context.newPage();
    await page.goto(pageUrl, { waitUntil: 'load', timeout: 30_000 });
    const worker = await browser.worker();
    const tabId = await tabIdOf(worker, page);
    const state = await waitForAnalysis(worker, tabId, { timeout: 30_000 });
    if (state.status !== 'done') {
      throw new Error(`The extension did not analyse the page (state: ${state.status}).`);
    }
    const report = withSpoiler(withSummary(state.report));
    const reportFile = join(outDir, 'report.json');
    writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);

    if (!state.highlights && report.flags.length > 0)
      await sendToTab(worker, tabId, { type: 'set-highlights', on: true });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 300))));
    const pageShot = join(outDir, 'page.png');
    await wholePageShot(page, pageShot);

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    const popupShot = join(outDir, 'popup.png');
    await screenshotPopup(popup, popupShot);

    const shown = (path: string) => relative(cwd, path) || path;
    process.stdout.write(
      `\nAnalysed ${file ? relative(cwd, file) || file : pageUrl} in headless Chromium with the extension.\n` +
        `${summaryLines(report).join('\n')}\n\n` +
        `Report:      ${shown(reportFile)}\nPage shot:   ${shown(pageShot)}\nPopup shot:  ${shown(popupShot)}\n`,
    );
  } finally {
    await browser.close();
    served?.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
