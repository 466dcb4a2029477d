/**
 * Drives real Chromium with the built extension: launch, serve local pages,
 * reach the service worker, open the popup for a tab. Shared by the e2e tests,
 * `npm start` (demo) and `npm run bench`. Pure Node + playwright-core; it never
 * downloads a browser, it uses the machine's Chromium.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import type { ContentRequest, Response as ContentResponse, TabState } from '../../utils/messages.ts';
import { PROJECT_ROOT } from '../shared-data.ts';

/** The few extension APIs the harness calls inside the service worker (evaluated there, typed here). */
interface ChromeTab {
  id?: number;
  url?: string;
  active: boolean;
}
interface StorageArea {
  get(keys: null): Promise<Record<string, unknown>>;
}
declare const chrome: {
  tabs: {
    query(query: Record<string, unknown>): Promise<ChromeTab[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  storage: { sync: StorageArea; local: StorageArea };
};

export const DEFAULT_EXTENSION_DIR = resolve(PROJECT_ROOT, '.output', 'chrome-mv3');

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** Path of a Chromium to drive: $CHROMIUM_PATH, then the usual places, then PATH. Null when none. */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH ?? process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const candidate of CHROMIUM_CANDIDATES) if (existsSync(candidate)) return candidate;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      if (found) return found;
    } catch {
      // not on PATH
    }
  }
  return null;
}

/** Throws a clear message when the extension has not been built. */
export function assertBuilt(extensionDir = DEFAULT_EXTENSION_DIR): string {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(
      `No built extension at ${extensionDir} (manifest.json missing). Run \`npm run build:chrome\` first.`,
    );
  }
  return extensionDir;
}

export interface LaunchOptions {
  extensionDir?: string;
  /** Default true. False opens a visible window (needs a display). */
  headless?: boolean;
  /** Browser UI language, e.g. "de": drives chrome.i18n in extension pages. */
  lang?: string;
  executablePath?: string;
  extraArgs?: string[];
  viewport?: { width: number; height: number } | null;
  /** Load a private copy of the build, so a rebuild meanwhile cannot break the running browser. */
  snapshot?: boolean;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The background service worker (as found at launch). */
  serviceWorker: Worker;
  /** The live service worker, waiting for a restarted one if Chromium stopped it. */
  worker(): Promise<Worker>;
  userDataDir: string;
  close(): Promise<void>;
}

/** Launches Chromium with the unpacked extension in a fresh, throw-away profile. */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const builtDir = assertBuilt(options.extensionDir ?? DEFAULT_EXTENSION_DIR);
  const executablePath = options.executablePath ?? findChromium();
  if (!executablePath) {
    throw new Error('No Chromium found. Install it (e.g. `apt-get install chromium`) or set CHROMIUM_PATH.');
  }
  const headless = options.headless ?? true;
  const userDataDir = mkdtempSync(join(tmpdir(), 'article-lens-profile-'));
  let extensionDir = builtDir;
  if (options.snapshot) {
    extensionDir = mkdtempSync(join(tmpdir(), 'article-lens-extension-'));
    cpSync(builtDir, extensionDir, { recursive: true });
  }
  const args = [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    ...(options.lang ? [`--lang=${options.lang}`] : []),
    ...(options.extraArgs ?? []),
  ];
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  if (options.lang) {
    const posix = options.lang.replace('-', '_');
    env.LANG = `${posix.includes('_') ? posix : `${posix}_${posix.toUpperCase()}`}.UTF-8`;
    env.LANGUAGE = options.lang;
  }
  let context: BrowserContext;
  try {
    // Playwright's headless mode is Chromium's new headless, which loads extensions.
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless,
      args,
      env,
      locale: options.lang,
      viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
      timeout: 60_000,
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    if (extensionDir !== builtDir) rmSync(extensionDir, { recursive: true, force: true });
    throw error;
  }
  const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://') && w.url().endsWith('/background.js');
  let serviceWorker = context.serviceWorkers().find(isOurs);
  if (!serviceWorker) {
    serviceWorker = await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 30_000 });
  }
  const extensionId = new URL(serviceWorker.url()).host;
  let closed = false;
  return {
    context,
    extensionId,
    serviceWorker,
    async worker() {
      const live = context.serviceWorkers().find(isOurs);
      if (live) return live;
      // Waking the worker: any extension page does it.
      const page = await context.newPage();
      try {
        const waiting = context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 });
        await page.goto(`chrome-extension://${extensionId}/popup.html`).catch(() => undefined);
        return await waiting;
      } finally {
        await page.close();
      }
    },
    userDataDir,
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
      if (extensionDir !== builtDir) rmSync(extensionDir, { recursive: true, force: true });
    },
  };
}

export interface Route {
  body: string | Uint8Array | (() => string | Uint8Array);
  /** Content-Type; default text/html; charset=utf-8. */
  type?: string;
  headers?: Record<string, string>;
  status?: number;
  /** Wait this long before answering (a slow resource keeps the page from finishing loading). */
  delayMs?: number;
}

export interface PageServer {
  origin: string;
  url(path: string): string;
  /** Paths requested so far, in order. */
  requested: string[];
  /** Adds or replaces a route while serving. */
  set(path: string, route: Route): void;
  close(): Promise<void>;
}

/** Serves fixed routes from 127.0.0.1 on a random port; anything else is a 404. */
export async function servePages(routes: Record<string, Route>): Promise<PageServer> {
  const table = new Map(Object.entries(routes));
  const requested: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requested.push(path);
    const route = table.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    const body = typeof route.body === 'function' ? route.body() : route.body;
    const answer = () => {
      if (res.destroyed) return;
      res.writeHead(route.status ?? 200, {
        'content-type': route.type ?? 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        ...route.headers,
      });
      res.end(body);
    };
    if (route.delayMs) setTimeout(answer, route.delayMs);
    else answer();
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path: string) => new URL(path, origin).href,
    requested,
    set: (path, route) => {
      table.set(path, route);
    },
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

/**
 * The id of the tab showing `page`. Without the "tabs" permission the
 * extension cannot see tab URLs, so the page is brought to the front and the
 * active tab is taken (a URL match is used when the URL is visible).
 */
export async function tabIdOf(serviceWorker: Worker, page: Page): Promise<number> {
  const url = page.url();
  await page.bringToFront();
  const id = await serviceWorker.evaluate(async (pageUrl: string) => {
    const byUrl = (await chrome.tabs.query({})).filter((tab) => tab.url === pageUrl);
    if (byUrl.length === 1) return byUrl[0]?.id ?? -1;
    const [active] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return active?.id ?? -1;
  }, url);
  if (id < 0) throw new Error(`No tab found for ${url}`);
  return id;
}

/** Sends a request to the content script of a tab, from the service worker. */
export async function sendToTab(
  serviceWorker: Worker,
  tabId: number,
  request: ContentRequest,
): Promise<ContentResponse> {
  return serviceWorker.evaluate(
    async ([id, message]) => {
      try {
        return (await chrome.tabs.sendMessage(id, message)) as ContentResponse;
      } catch (error) {
        return { ok: false, error: String(error) } as ContentResponse;
      }
    },
    [tabId, request] as const,
  );
}

/** The content script's state for a tab (or an error response when it does not answer). */
export function contentState(serviceWorker: Worker, tabId: number): Promise<ContentResponse> {
  return sendToTab(serviceWorker, tabId, { type: 'get-state' });
}

const SETTLED: ReadonlySet<TabState['status']> = new Set(['done', 'error', 'disabled-site']);

/** Polls the content script until its state is settled (done, error, disabled-site) or `until` holds. */
export async function waitForAnalysis(
  serviceWorker: Worker,
  tabId: number,
  options: { timeout?: number; until?: (state: TabState) => boolean } = {},
): Promise<TabState> {
  const deadline = Date.now() + (options.timeout ?? 20_000);
  const until = options.until ?? ((state: TabState) => SETTLED.has(state.status));
  let last: ContentResponse | undefined;
  while (Date.now() < deadline) {
    last = await contentState(serviceWorker, tabId);
    if (last.ok && until(last.state)) return last.state;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Analysis did not settle in time; last answer: ${JSON.stringify(last)?.slice(0, 500)}`);
}

/**
 * Opens the popup for the tab showing `articlePage`, in a tab of its own
 * (`popup.html?tab=<id>`): the toolbar popup is not reachable from Playwright.
 * The tab id is read before the popup tab opens and takes focus.
 */
export async function openPopupFor(
  context: BrowserContext,
  extensionId: string,
  serviceWorker: Worker,
  articlePage: Page,
): Promise<Page> {
  const tabId = await tabIdOf(serviceWorker, articlePage);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

/** Opens the options page in a tab. */
export async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  return page;
}

/** Reads the extension's stored settings (sync area, falling back to local) from the service worker. */
export function storedSettings(serviceWorker: Worker): Promise<Record<string, unknown>> {
  return serviceWorker.evaluate(async () => {
    const sync = await chrome.storage.sync.get(null).catch(() => ({}));
    const local = await chrome.storage.local.get(null);
    return { sync, local };
  });
}
