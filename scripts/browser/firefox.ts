/**
 * Drives real Firefox with the built extension (`.output/firefox-mv2`), the
 * Firefox counterpart of browser-harness.ts: find the machine's Firefox, check
 * its version, launch it over WebDriver BiDi with the extension installed as a
 * temporary add-on, open extension pages, find a tab's id, read the badge and
 * the stored settings. Pure Node + puppeteer-core; it never downloads a browser.
 * Pages are served with `servePages` from browser-harness.ts.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { PROJECT_ROOT } from '../shared-data.ts';

export const DEFAULT_FIREFOX_EXTENSION_DIR = resolve(PROJECT_ROOT, '.output', 'firefox-mv2');

/** The add-on's fixed moz-extension:// host, set by a pref before launch (Firefox picks a random one otherwise). */
export const FIREFOX_EXTENSION_UUID = '3b1f0c2e-8d4a-4f6b-9a75-2c6e1d0b7f48';

/** puppeteer-core's own floor (its package.json "engines"); `npm run` scripts bring Node 24. */
const MIN_NODE: readonly [number, number] = [22, 12];

/** The extension APIs evaluated inside extension pages (Firefox MV2: `browser.*`, typed here). */
interface FirefoxTab {
  id?: number;
  active: boolean;
}
declare const browser: {
  tabs: { query(query: Record<string, unknown>): Promise<FirefoxTab[]> };
  browserAction: { getBadgeText(details: { tabId: number }): Promise<string> };
  storage: {
    sync: {
      get(keys: string | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      clear(): Promise<void>;
    };
    local: { get(keys: string | null): Promise<Record<string, unknown>> };
  };
};

/** Path of a Firefox to drive: $FIREFOX_PATH, then /usr/bin/firefox-esr, then firefox(-esr) on PATH. Null when none. */
export function findFirefox(): string | null {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  for (const candidate of ['/usr/bin/firefox-esr', '/usr/bin/firefox']) if (existsSync(candidate)) return candidate;
  for (const name of ['firefox-esr', 'firefox']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      if (found) return found;
    } catch {
      // not on PATH
    }
  }
  return null;
}

/** Major version of a Firefox binary ("Mozilla Firefox 153.8.0esr" gives 153), null when it does not say. */
export function firefoxVersion(executablePath: string): { major: number; text: string } | null {
  try {
    const text = execFileSync(executablePath, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 30_000,
    }).trim();
    const match = /(\d+)\.\d+/.exec(text);
    return match ? { major: Number(match[1]), text } : null;
  } catch {
    return null;
  }
}

/** The oldest Firefox the built add-on accepts: its manifest's gecko.strict_min_version (wxt.config.ts). */
export function minimumFirefox(extensionDir = DEFAULT_FIREFOX_EXTENSION_DIR): number {
  const manifest = JSON.parse(readFileSync(join(assertFirefoxBuilt(extensionDir), 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { strict_min_version?: string } };
  };
  const declared = manifest.browser_specific_settings?.gecko?.strict_min_version;
  const major = declared ? Number.parseInt(declared, 10) : Number.NaN;
  if (!Number.isFinite(major)) throw new Error(`${extensionDir}/manifest.json declares no gecko.strict_min_version.`);
  return major;
}

/** Throws a clear message when the Firefox extension has not been built. */
export function assertFirefoxBuilt(extensionDir = DEFAULT_FIREFOX_EXTENSION_DIR): string {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(
      `No built Firefox extension at ${extensionDir} (manifest.json missing). Run \`npm run build:firefox\` first.`,
    );
  }
  return extensionDir;
}

function nodeTooOld(): string | null {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const [needMajor, needMinor] = MIN_NODE;
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return null;
  return (
    `Node ${process.versions.node} is too old to drive Firefox (puppeteer-core needs ${needMajor}.${needMinor} or newer): ` +
    'run the tests through `npm test` / `npm run test:e2e`, which use the project’s Node 24.'
  );
}

/**
 * Why Firefox cannot be driven here, in one line; null when it can. Checks the
 * Node version, that a Firefox exists, and that it is at least the add-on's
 * minimum version.
 */
export function firefoxProblem(extensionDir = DEFAULT_FIREFOX_EXTENSION_DIR): string | null {
  const node = nodeTooOld();
  if (node) return node;
  const path = findFirefox();
  if (!path) {
    return process.env.FIREFOX_PATH
      ? `FIREFOX_PATH is set to ${process.env.FIREFOX_PATH}, which does not exist.`
      : 'No Firefox found (looked at $FIREFOX_PATH, /usr/bin/firefox-esr, firefox on PATH): install it (`apt-get install firefox-esr`) or set FIREFOX_PATH.';
  }
  const version = firefoxVersion(path);
  if (!version) return `${path} does not report a Firefox version (\`${path} --version\` failed).`;
  if (!existsSync(join(extensionDir, 'manifest.json'))) return null; // launch says "not built", more useful
  const minimum = minimumFirefox(extensionDir);
  if (version.major < minimum) {
    return `${version.text} at ${path} is too old: the add-on needs Firefox ${minimum} or newer (manifest strict_min_version).`;
  }
  return null;
}

export interface FirefoxLaunchOptions {
  extensionDir?: string;
  executablePath?: string;
  /** Default true. */
  headless?: boolean;
  /** Install a private copy of the build, so a rebuild meanwhile cannot break the running browser. */
  snapshot?: boolean;
  viewport?: { width: number; height: number };
}

export interface LaunchedFirefox {
  browser: Browser;
  /** moz-extension://<uuid> */
  origin: string;
  /** An extension page kept open in a background tab, where the harness calls `browser.*` APIs. */
  control: Page;
  /** Opens an extension page (e.g. "popup.html?tab=3") in a new tab, brought to the front. */
  openExtensionPage(path: string): Promise<Page>;
  /** The tab id of `page`, as the extension sees it. */
  tabIdOf(page: Page): Promise<number>;
  /** The toolbar badge text of a tab. */
  badgeText(tabId: number): Promise<string>;
  /** The extension's storage (sync and local areas). */
  storage(): Promise<{ sync: Record<string, unknown>; local: Record<string, unknown> }>;
  /** Merges `patch` into the stored settings item, as a hand edit would. */
  setSettings(patch: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

/**
 * Navigates a tab to an extension page. `page.goto()` to a moz-extension:// URL
 * loads it but never resolves, so the BiDi browsing context is navigated directly.
 */
export async function navigateExtensionPage(page: Page, url: string): Promise<void> {
  // A BiDi frame carries its browsing context (not in puppeteer's public Frame type).
  const frame = page.mainFrame() as unknown as {
    browsingContext?: { navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<unknown> };
  };
  if (!frame.browsingContext) throw new Error('The page is not driven over WebDriver BiDi (no browsing context).');
  await frame.browsingContext.navigate(url, 'complete');
  // Puppeteer's own readiness bookkeeping misses that navigation: wait for the document ourselves.
  await pollPage(page, () => document.readyState === 'complete' && location.protocol === 'moz-extension:');
}

/**
 * Waits until `predicate`, run in the page, returns true. `page.waitForFunction` builds its
 * predicate with `new Function()` inside the page, which an extension page's CSP blocks in some
 * Firefox releases (ESR 140); `page.evaluate` sends the function over WebDriver BiDi instead.
 */
export async function pollPage(
  page: Page,
  predicate: () => boolean,
  { timeout = 30_000, interval = 100 }: { timeout?: number; interval?: number } = {},
): Promise<void> {
  const deadline = Date.now() + timeout;
  let lastError: unknown = null;
  for (;;) {
    try {
      if (await page.evaluate(predicate)) return;
      lastError = null;
    } catch (error) {
      // The document may be between navigations: try again until the deadline.
      lastError = error;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Waited ${timeout} ms for ${predicate.toString().slice(0, 120)}${why}`);
    }
    await new Promise((done) => setTimeout(done, interval));
  }
}

/** Launches Firefox (headless by default) in a fresh profile with the add-on installed as a temporary add-on. */
export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions = {}): Promise<LaunchedFirefox> {
  const tooOld = nodeTooOld();
  if (tooOld) throw new Error(tooOld);
  const builtDir = assertFirefoxBuilt(options.extensionDir ?? DEFAULT_FIREFOX_EXTENSION_DIR);
  const executablePath = options.executablePath ?? findFirefox();
  if (!executablePath) {
    throw new Error('No Firefox found. Install it (e.g. `apt-get install firefox-esr`) or set FIREFOX_PATH.');
  }
  const manifest = JSON.parse(readFileSync(join(builtDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`${builtDir}/manifest.json has no browser_specific_settings.gecko.id.`);
  let extensionDir = resolve(builtDir);
  if (options.snapshot) {
    extensionDir = mkdtempSync(join(tmpdir(), 'article-lens-firefox-extension-'));
    cpSync(builtDir, extensionDir, { recursive: true });
  }
  const { default: puppeteer } = await import('puppeteer-core');
  let browserInstance: Browser;
  try {
    browserInstance = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: options.headless ?? true,
      // Lets WebDriver BiDi open moz-extension:// pages.
      args: ['--remote-allow-system-access'],
      defaultViewport: options.viewport ?? { width: 1280, height: 900 },
      timeout: 60_000,
      protocolTimeout: 60_000,
      extraPrefsFirefox: {
        // Fixes the add-on's moz-extension://<uuid>/ origin before it is installed.
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_EXTENSION_UUID }),
      },
    });
  } catch (error) {
    if (extensionDir !== resolve(builtDir)) rmSync(extensionDir, { recursive: true, force: true });
    throw error;
  }
  const origin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await browserInstance.close().catch(() => undefined);
    if (extensionDir !== resolve(builtDir)) rmSync(extensionDir, { recursive: true, force: true });
  };
  try {
    await browserInstance.installExtension(extensionDir);
    // The options page is a quiet extension page: it only reads and writes settings when asked.
    const control = await browserInstance.newPage();
    await navigateExtensionPage(control, `${origin}/options.html`);
    const openExtensionPage = async (path: string) => {
      const page = await browserInstance.newPage();
      await navigateExtensionPage(page, `${origin}/${path.replace(/^\//, '')}`);
      await page.bringToFront();
      return page;
    };
    return {
      browser: browserInstance,
      origin,
      control,
      openExtensionPage,
      async tabIdOf(page) {
        // Without the "tabs" permission tab URLs are hidden: bring the page to the front and take the active tab.
        await page.bringToFront();
        const ids = await control.evaluate(async () =>
          (await browser.tabs.query({ active: true })).map((tab) => tab.id ?? -1),
        );
        if (ids.length !== 1 || (ids[0] ?? -1) < 0)
          throw new Error(`No single active tab (got ${JSON.stringify(ids)})`);
        return ids[0] as number;
      },
      badgeText: (tabId) => control.evaluate((id) => browser.browserAction.getBadgeText({ tabId: id }), tabId),
      storage: () =>
        control.evaluate(async () => ({
          sync: await browser.storage.sync.get(null).catch(() => ({})),
          local: await browser.storage.local.get(null),
        })),
      async setSettings(patch) {
        // The settings item lives under "settings" in storage.sync (utils/settings-item.ts).
        await control.evaluate(async (p) => {
          const current = ((await browser.storage.sync.get('settings')).settings ?? {}) as Record<string, unknown>;
          await browser.storage.sync.set({ settings: { ...current, ...p } });
        }, patch);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
