/**
 * Shared set-up for the Firefox end-to-end tests: one Firefox with the built
 * add-on (`.output/firefox-mv2`) and one page server per test file, plus
 * readers for what a user sees: the on-page layer (its open shadow root), the
 * page's DOM, the popup, the badge and the stored settings. Nothing here asks
 * the content script for its internal state, so the journeys hold whichever
 * context runs the analysis.
 *
 * In CI a missing or too old Firefox fails the suite with one line; locally it
 * skips with that line.
 */
import type { ConsoleMessage, ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, vi } from 'vitest';
import {
  type FirefoxLaunchOptions,
  firefoxProblem,
  type LaunchedFirefox,
  launchFirefoxWithExtension,
  pollPage,
} from '../../scripts/browser/firefox.ts';
import { type PageServer, type Route, servePages } from '../../scripts/browser/harness.ts';
import { type BlockGeometry, type LayerInfo, readGeometry, readLayer, readVisibility } from './page-probes.ts';
import { PNG_1X1 } from './pages.ts';

export { pollPage } from '../../scripts/browser/firefox.ts';
export { type BlockGeometry, boxingProblems, covers, type LayerInfo, type Rect } from './page-probes.ts';
export { pageFile, seedExpected, seedPage } from './pages.ts';

// Browsers on a loaded CI machine are slow: polls wait up to 15 s (vitest's default is 1 s).
vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 100 } } });

export const firefoxUnavailable = firefoxProblem();
const inCI = Boolean(process.env.CI);

if (firefoxUnavailable && !inCI) {
  console.warn(`[e2e] ${firefoxUnavailable} Skipping the Firefox end-to-end tests (in CI they fail instead).`);
}

/** `describe`, or `describe.skip` locally when Firefox cannot be driven (never in CI). */
export const describeFirefox = describe.skipIf(Boolean(firefoxUnavailable) && !inCI);

export interface FirefoxEnv {
  firefox: LaunchedFirefox;
  server: PageServer;
  /** Opens a served path in a new tab, brought to the front, and waits for its load event. */
  open(path: string): Promise<Page>;
  /** What the console of a page opened by `open` (or `watch`) has shown. */
  consoleOf(page: Page): ConsoleWatch;
  /** Starts watching the console of a page not opened by `open` (before it navigates). */
  watch(page: Page): ConsoleWatch;
  /** Opens `popup.html?tab=<id>` for the tab showing `page`, and waits until the popup leaves its loading state. */
  popupFor(page: Page): Promise<Page>;
  options(): Promise<Page>;
  tabId(page: Page): Promise<number>;
  badge(page: Page): Promise<string>;
}

/** Launches one Firefox and one server for the whole file; read the fields inside tests only. */
export function useFirefox(routes: Record<string, Route>, launch: FirefoxLaunchOptions = {}): FirefoxEnv {
  const env = {} as FirefoxEnv;
  beforeAll(async () => {
    if (firefoxUnavailable) throw new Error(`${firefoxUnavailable} CI requires the Firefox end-to-end tests to run.`);
    const server = await servePages({ '/favicon.ico': { body: PNG_1X1, type: 'image/png' }, ...routes });
    const firefox = await launchFirefoxWithExtension({ snapshot: true, ...launch });
    const watches = new WeakMap<Page, ConsoleWatch>();
    const watch = (page: Page) => {
      const existing = watches.get(page);
      if (existing) return existing;
      const created = watchConsole(page, firefox.origin);
      watches.set(page, created);
      return created;
    };
    Object.assign(env, {
      firefox,
      server,
      watch,
      consoleOf(page) {
        const found = watches.get(page);
        if (!found) throw new Error('That page has no console watcher: open it with env.open or env.watch.');
        return found;
      },
      async open(path) {
        const page = await firefox.browser.newPage();
        watch(page);
        await page.bringToFront();
        await page.goto(server.url(path), { waitUntil: 'load' });
        return page;
      },
      async popupFor(page) {
        const tabId = await firefox.tabIdOf(page);
        const popup = await firefox.openExtensionPage(`popup.html?tab=${tabId}`);
        await pollPage(popup, () => {
          const state = document.querySelector('main[data-state]')?.getAttribute('data-state');
          return Boolean(state && state !== 'loading');
        });
        return popup;
      },
      options: () => firefox.openExtensionPage('options.html'),
      tabId: (page) => firefox.tabIdOf(page),
      async badge(page) {
        return firefox.badgeText(await firefox.tabIdOf(page));
      },
    } satisfies FirefoxEnv);
  });
  afterAll(async () => {
    await env.firefox?.close();
    await env.server?.close();
  });
  return env;
}

export interface ConsoleEntry {
  source: 'console' | 'exception';
  level: string;
  text: string;
  /** Script URL, when known (a content script's is under the add-on's moz-extension:// origin). */
  url: string;
}

export interface ConsoleWatch {
  entries: ConsoleEntry[];
  /** Errors, warnings and uncaught exceptions that come from, or mention, the extension. */
  fromExtension(): ConsoleEntry[];
}

/**
 * The page's console over WebDriver BiDi: Firefox reports there the console
 * messages and uncaught errors of the page and of content scripts alike
 * (firefox-harness.test.ts checks that it does).
 */
export function watchConsole(page: Page, extensionOrigin: string): ConsoleWatch {
  const entries: ConsoleEntry[] = [];
  page.on('console', (message: ConsoleMessage) => {
    const type = message.type();
    if (type !== 'error' && type !== 'warn' && type !== 'assert') return;
    entries.push({ source: 'console', level: type, text: message.text(), url: message.location().url ?? '' });
  });
  page.on('pageerror', (error: unknown) => {
    const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
    entries.push({ source: 'exception', level: 'error', text, url: '' });
  });
  const mark = (value: string) => value.includes(extensionOrigin) || /article[-\s]?lens/i.test(value);
  return { entries, fromExtension: () => entries.filter((entry) => mark(entry.text) || mark(entry.url)) };
}

/** Facts about the on-page layer, read from its open shadow root (as the Chromium tests read it). */
export function layerInfo(page: Page): Promise<LayerInfo> {
  return page.evaluate(readLayer);
}

/** A button inside the layer's shadow root (puppeteer's `>>>` pierces it). */
export async function layerButton(page: Page, selector: string): Promise<ElementHandle<Element>> {
  const handle = await page.$(`article-lens-layer >>> ${selector}`);
  if (!handle) throw new Error(`No ${selector} in the layer`);
  return handle;
}

/** For each text: the smallest element containing it, scrolled to the top of the viewport, and the layer's boxes. */
export function blockGeometry(page: Page, texts: string[]): Promise<BlockGeometry[]> {
  return page.evaluate(readGeometry, { wanted: texts, scroll: true });
}

/** Whether the smallest element holding each text is rendered (checkVisibility). */
export function textsVisible(page: Page, texts: string[]): Promise<boolean[]> {
  return page.evaluate(readVisibility, texts);
}

/** The serialised DOM of the page. */
export function serializedDom(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.outerHTML);
}

/** The DOM with the layer's host element removed. */
export function stripLayer(html: string): string {
  return html.replace(/<article-lens-layer[\s\S]*?<\/article-lens-layer>/g, '');
}

/** The visible text of an element of an extension page, whitespace collapsed ('' when absent). */
export function textOf(page: Page, selector: string): Promise<string> {
  return page.evaluate(
    (sel: string) => (document.querySelector(sel)?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    selector,
  );
}

/** The form control whose label (or aria-label) matches `name`, on an extension page. */
export async function control(
  page: Page,
  role: 'checkbox' | 'radio' | 'switch' | 'button',
  name: RegExp,
): Promise<ElementHandle<Element>> {
  const handle = await page.evaluateHandle(
    (wantedRole: string, source: string, flags: string) => {
      const pattern = new RegExp(source, flags);
      const candidates = Array.from(
        document.querySelectorAll<HTMLElement>(
          wantedRole === 'button'
            ? 'button'
            : wantedRole === 'switch'
              ? 'input[role="switch"]'
              : `input[type="${wantedRole}"]`,
        ),
      );
      const nameOf = (el: HTMLElement) =>
        (
          el.getAttribute('aria-label') ??
          (el instanceof HTMLInputElement
            ? Array.from(el.labels ?? [])
                .map((l) => l.textContent)
                .join(' ')
            : '') ??
          ''
        ).trim() || (el.textContent ?? '').trim();
      return candidates.find((el) => pattern.test(nameOf(el).replace(/\s+/g, ' '))) ?? null;
    },
    role,
    name.source,
    name.flags,
  );
  const element = handle.asElement() as ElementHandle<Element> | null;
  if (!element) throw new Error(`No ${role} named ${name} on ${page.url()}`);
  return element;
}

/** Whether a checkbox, radio or switch is checked. */
export function isChecked(handle: ElementHandle<Element>): Promise<boolean> {
  return handle.evaluate((el) => (el as HTMLInputElement).checked);
}
