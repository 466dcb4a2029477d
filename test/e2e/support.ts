/**
 * Shared set-up for the end-to-end tests: one Chromium with the built
 * extension per test file, a local page server, console and network watchers.
 * In CI a missing Chromium fails the suite; locally it skips with a message.
 */
import type { BrowserContext, Page, Request, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, vi } from 'vitest';
import {
  contentState,
  findChromium,
  type LaunchedBrowser,
  type LaunchOptions,
  launchWithExtension,
  openOptions,
  openPopupFor,
  type PageServer,
  type Route,
  sendToTab,
  servePages,
  tabIdOf,
  waitForAnalysis,
} from '../../scripts/browser/harness.ts';
import type { ContentRequest, TabState } from '../../utils/messages.ts';
import type { PageReport } from '../../utils/report.ts';
import { type BlockGeometry, type LayerInfo, readGeometry, readLayer, readVisibility } from './page-probes.ts';
import { PNG_1X1 } from './pages.ts';

export { type BlockGeometry, boxingProblems, covers, type LayerInfo, type Rect } from './page-probes.ts';
export { PNG_1X1, pageFile, type SeedExpected, seedExpected, seedPage, TINY_PDF } from './pages.ts';

// Browsers on a loaded CI machine are slow: polls wait up to 10 s (vitest's default is 1 s).
vi.setConfig({ expect: { poll: { timeout: 10_000, interval: 100 } } });

export const chromiumPath = findChromium();
const inCI = Boolean(process.env.CI);

if (!chromiumPath && !inCI) {
  console.warn(
    '[e2e] No Chromium found (looked at $CHROMIUM_PATH, /usr/bin/chromium, PATH): skipping the end-to-end tests. ' +
      'Install Chromium to run them; in CI they fail instead.',
  );
}

/** `describe`, or `describe.skip` locally when there is no Chromium (never in CI). */
export const describeBrowser = describe.skipIf(!chromiumPath && !inCI);

export interface Env {
  browser: LaunchedBrowser;
  context: BrowserContext;
  extensionId: string;
  server: PageServer;
  /** All requests seen by the browser context (pages, extension pages, service worker). */
  requests: Request[];
  worker(): Promise<Worker>;
  /** Opens a served path in a new tab, with a console watcher attached before navigation. */
  open(path: string, options?: { waitUntil?: 'load' | 'domcontentloaded' | 'commit' }): Promise<OpenedPage>;
  popupFor(page: Page): Promise<Page>;
  tabId(page: Page): Promise<number>;
  options(): Promise<Page>;
  state(page: Page): Promise<TabState>;
  /** Waits until the content script has a settled state (or `until` holds). */
  analysed(page: Page, until?: (state: TabState) => boolean, timeout?: number): Promise<TabState>;
  report(page: Page): Promise<PageReport>;
  send(page: Page, request: ContentRequest): Promise<TabState>;
  /** Merges `patch` into the stored settings, as a hand edit would. */
  setSettings(patch: Record<string, unknown>): Promise<void>;
}

export interface OpenedPage {
  page: Page;
  console: ConsoleWatch;
}

/**
 * Launches one browser and one server for the whole file. The returned object
 * is filled in by beforeAll; read its fields inside tests only.
 */
export function useExtension(routes: Record<string, Route>, launch: LaunchOptions = {}): Env {
  const env = {} as Env;
  beforeAll(async () => {
    if (!chromiumPath) throw new Error('No Chromium found, and CI requires the end-to-end tests to run.');
    const server = await servePages({
      '/favicon.ico': { body: PNG_1X1, type: 'image/png' },
      ...routes,
    });
    // A private copy of the build: a rebuild running meanwhile cannot pull files from under the test.
    const browser = await launchWithExtension({ executablePath: chromiumPath, snapshot: true, ...launch });
    const requests: Request[] = [];
    browser.context.on('request', (request) => requests.push(request));
    Object.assign(env, {
      browser,
      context: browser.context,
      extensionId: browser.extensionId,
      server,
      requests,
      worker: () => browser.worker(),
      async open(path, options) {
        const page = await browser.context.newPage();
        const console = await watchConsole(browser.context, page);
        await page.goto(server.url(path), { waitUntil: options?.waitUntil ?? 'load' });
        return { page, console };
      },
      async tabId(page) {
        return tabIdOf(await browser.worker(), page);
      },
      async popupFor(page) {
        return openPopupFor(browser.context, browser.extensionId, await browser.worker(), page);
      },
      options: () => openOptions(browser.context, browser.extensionId),
      async state(page) {
        const sw = await browser.worker();
        const answer = await contentState(sw, await tabIdOf(sw, page));
        if (!answer.ok) throw new Error(`Content script did not answer: ${answer.error}`);
        return answer.state;
      },
      async analysed(page, until, timeout) {
        const sw = await browser.worker();
        return waitForAnalysis(sw, await tabIdOf(sw, page), { until, timeout });
      },
      async report(page) {
        const state = await env.analysed(page, (s) => s.status === 'done' || s.status === 'error');
        if (state.status !== 'done') throw new Error(`Analysis ended in ${JSON.stringify(state)}`);
        return state.report;
      },
      async send(page, request) {
        const sw = await browser.worker();
        const answer = await sendToTab(sw, await tabIdOf(sw, page), request);
        if (!answer.ok) throw new Error(`Content script refused ${request.type}: ${answer.error}`);
        return answer.state;
      },
      async setSettings(patch) {
        const sw = await browser.worker();
        // The settings item lives under "settings" in storage.sync (utils/settings-item.ts).
        await sw.evaluate(async (p) => {
          const current = ((await chrome.storage.sync.get('settings')).settings ?? {}) as Record<string, unknown>;
          await chrome.storage.sync.set({ settings: { ...current, ...p } });
        }, patch);
      },
    } satisfies Env);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

interface StorageArea {
  get(keys: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  clear(): Promise<void>;
}
declare const chrome: { storage: { sync: StorageArea; local: StorageArea } };

export interface ConsoleEntry {
  source: 'console' | 'exception' | 'log';
  level: string;
  text: string;
  /** Script URL, when known. */
  url: string;
  /** Origin of the JavaScript world it came from (a content script's world has the extension's origin). */
  worldOrigin: string;
}

export interface ConsoleWatch {
  entries: ConsoleEntry[];
  /** Errors and warnings that come from, or mention, the extension. */
  fromExtension(): ConsoleEntry[];
  /** Uncaught exceptions of any origin (the page's own behaviour must not break). */
  exceptions(): ConsoleEntry[];
}

const EXTENSION_MARK = /chrome-extension:\/\/|article[-\s]?lens/i;

/**
 * Everything the page's DevTools console would show, from every world (the
 * page's and the content script's), through a CDP session.
 */
export async function watchConsole(context: BrowserContext, page: Page): Promise<ConsoleWatch> {
  const cdp = await context.newCDPSession(page);
  const worlds = new Map<number, string>();
  const entries: ConsoleEntry[] = [];
  cdp.on('Runtime.executionContextCreated', (event) => {
    worlds.set(event.context.id, event.context.origin);
  });
  cdp.on('Runtime.consoleAPICalled', (event) => {
    if (!['error', 'warning', 'assert'].includes(event.type)) return;
    entries.push({
      source: 'console',
      level: event.type,
      text: event.args.map((arg) => String(arg.value ?? arg.description ?? '')).join(' '),
      url: event.stackTrace?.callFrames[0]?.url ?? '',
      worldOrigin: worlds.get(event.executionContextId) ?? '',
    });
  });
  cdp.on('Runtime.exceptionThrown', (event) => {
    const details = event.exceptionDetails;
    entries.push({
      source: 'exception',
      level: 'error',
      text: details.exception?.description ?? details.text,
      url: details.url ?? details.stackTrace?.callFrames[0]?.url ?? '',
      worldOrigin: details.executionContextId !== undefined ? (worlds.get(details.executionContextId) ?? '') : '',
    });
  });
  cdp.on('Log.entryAdded', (event) => {
    if (event.entry.level !== 'error' && event.entry.level !== 'warning') return;
    entries.push({
      source: 'log',
      level: event.entry.level,
      text: event.entry.text,
      url: event.entry.url ?? '',
      worldOrigin: '',
    });
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');
  return {
    entries,
    fromExtension: () =>
      entries.filter(
        (entry) =>
          EXTENSION_MARK.test(entry.text) || EXTENSION_MARK.test(entry.url) || EXTENSION_MARK.test(entry.worldOrigin),
      ),
    exceptions: () => entries.filter((entry) => entry.source === 'exception'),
  };
}

/**
 * Runs `fn(arg)` in a fresh isolated world of the page's main frame, so the
 * page's own overrides of built-ins and DOM methods cannot fool the test.
 */
export async function probe<A, R>(page: Page, fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: 'e2e-probe',
    });
    const result = await cdp.send('Runtime.evaluate', {
      expression: `(${fn.toString()})(${JSON.stringify(arg ?? null)})`,
      contextId: executionContextId,
      returnByValue: true,
      awaitPromise: true,
    });
    if (result.exceptionDetails) {
      throw new Error(
        `probe failed: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`,
      );
    }
    return result.result.value as R;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** The serialised DOM of the page, read from an isolated world. */
export function serializedDom(page: Page): Promise<string> {
  return probe(page, () => document.documentElement.outerHTML);
}

/** Facts about the on-page layer, read from its open shadow root in an isolated world. */
export function layerInfo(page: Page): Promise<LayerInfo> {
  return probe(page, readLayer);
}

/**
 * For each text: the smallest element containing it, scrolled to the top of
 * the viewport unless `scroll: false`, its rect and the layer's visible boxes'.
 */
export function blockGeometry(
  page: Page,
  texts: string[],
  options: { scroll?: boolean } = {},
): Promise<BlockGeometry[]> {
  return probe(page, readGeometry, { wanted: texts, scroll: options.scroll ?? true });
}

/** Whether the smallest element holding each text is rendered, from an isolated world. */
export function textsVisible(page: Page, texts: string[]): Promise<boolean[]> {
  return probe(page, readVisibility, texts);
}

/** Opens every collapsed <details> on the page. */
export async function expandAll(page: Page): Promise<void> {
  const closed = page.locator('details:not([open]) > summary');
  for (let guard = 0; guard < 20 && (await closed.count()) > 0; guard++) await closed.first().click();
}
