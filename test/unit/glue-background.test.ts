import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  handleBackgroundMessage,
  handleCommand,
  handleTabRemoved,
  handleTabUpdated,
} from '@/entrypoints/background/handlers.ts';
import background from '@/entrypoints/background/index.ts';
import { createReportStore, reportKey, type SessionArea } from '@/entrypoints/background/reports.ts';
import { badgeFor } from '@/utils/messages.ts';
import type { PageReport } from '@/utils/report.ts';

const EXTENSION_ID = 'test-extension-id';
const contentSender = (tabId: number, frameId = 0) => ({
  id: EXTENSION_ID,
  url: 'https://news.example/story',
  frameId,
  tab: { id: tabId },
});

const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
/** The popup, in the toolbar or open in a tab. */
const popupSender = { id: EXTENSION_ID, url: `${ORIGIN}popup.html?tab=7` };

function report(url: string, title = 'Ferry timetable changes'): PageReport {
  return {
    url,
    readerable: true,
    article: {
      title,
      byline: null,
      siteName: null,
      publishedTime: null,
      lang: 'en',
      dir: null,
      excerpt: null,
      wordCount: 120,
      readingMinutes: 1,
      text: 'The regional ferry keeps its winter timetable.',
    },
    headline: null,
    flags: [
      {
        id: 'f1',
        kind: 'boilerplate',
        category: 'newsletter',
        text: 'Sign up',
        reasons: ['newsletter'],
        score: 1,
        insideArticle: false,
      },
    ],
    cleanText: 'The regional ferry keeps its winter timetable.',
    summary: [],
    notices: [],
  } as PageReport;
}

/** An in-memory storage.session, as the browser keeps it across service-worker restarts. */
function sessionArea(quotaBytes = Number.POSITIVE_INFINITY): SessionArea & { items: Map<string, unknown> } {
  const items = new Map<string, unknown>();
  return {
    items,
    async get(key) {
      return items.has(key) ? { [key]: structuredClone(items.get(key)) } : {};
    },
    async set(values) {
      for (const [key, value] of Object.entries(values)) {
        if (JSON.stringify(value).length > quotaBytes) throw new Error('QUOTA_BYTES quota exceeded');
        items.set(key, structuredClone(value));
      }
    },
    async remove(key) {
      items.delete(key);
    },
  };
}

function recordingDeps() {
  const calls: Array<[number, string, string]> = [];
  return {
    calls,
    deps: {
      extensionId: EXTENSION_ID,
      setBadge: async (tabId: number, text: string, color: string) => {
        calls.push([tabId, text, color]);
      },
    },
  };
}

describe('handleBackgroundMessage', () => {
  it('sets the badge of the sender tab from a report summary', async () => {
    const { calls, deps } = recordingDeps();
    const badge = { readerable: true, clickbait: true, clutter: 3 };
    await expect(handleBackgroundMessage({ type: 'report-summary', badge }, contentSender(7), deps)).resolves.toEqual({
      ok: true,
    });
    expect(calls).toEqual([[7, '!3', badgeFor(badge).color]]);
  });

  it('ignores messages from other extensions or web pages', () => {
    const { calls, deps } = recordingDeps();
    const message = { type: 'report-summary', badge: { readerable: true, clickbait: false, clutter: 1 } };
    expect(handleBackgroundMessage(message, { ...contentSender(7), id: 'other-extension' }, deps)).toBeUndefined();
    expect(handleBackgroundMessage(message, { url: 'https://evil.example/' }, deps)).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('refuses malformed payloads and summaries from subframes or without a tab', async () => {
    const { calls, deps } = recordingDeps();
    for (const bad of [
      null,
      'report-summary',
      { type: 'report-summary' },
      { type: 'report-summary', badge: { readerable: true, clickbait: false, clutter: -1 } },
      { type: 'report-summary', badge: { readerable: 'yes', clickbait: false, clutter: 1 } },
      { type: 'set-settings', settings: {} },
    ]) {
      await expect(handleBackgroundMessage(bad, contentSender(1), deps)).resolves.toMatchObject({ ok: false });
    }
    const good = { type: 'report-summary', badge: null };
    await expect(handleBackgroundMessage(good, contentSender(1, 3), deps)).resolves.toEqual({
      ok: false,
      error: 'not-top-frame',
    });
    await expect(handleBackgroundMessage(good, { id: EXTENSION_ID }, deps)).resolves.toEqual({
      ok: false,
      error: 'no-tab',
    });
    expect(calls).toEqual([]);
  });

  it('leaves requests meant for content scripts unanswered', () => {
    const { deps } = recordingDeps();
    expect(handleBackgroundMessage({ type: 'get-state' }, { id: EXTENSION_ID }, deps)).toBeUndefined();
  });
});

describe('the tab reports the background keeps', () => {
  const badge = { readerable: true, clickbait: false, clutter: 1 };
  const depsWith = (area: SessionArea | undefined) => ({
    ...recordingDeps().deps,
    extensionOrigin: ORIGIN,
    reports: createReportStore(area),
  });

  it('keeps the report a content script sends and gives it to the popup of that tab only', async () => {
    const deps = depsWith(sessionArea());
    const page = report('https://news.example/story');
    await expect(
      handleBackgroundMessage({ type: 'report-summary', badge, report: page }, contentSender(7), deps),
    ).resolves.toEqual({ ok: true });
    await expect(handleBackgroundMessage({ type: 'get-report', tabId: 7 }, popupSender, deps)).resolves.toEqual({
      ok: true,
      report: page,
    });
    await expect(handleBackgroundMessage({ type: 'get-report', tabId: 8 }, popupSender, deps)).resolves.toEqual({
      ok: true,
      report: null,
    });
    // A content script (a web page's renderer) never reads a tab's report, not even its own.
    await expect(handleBackgroundMessage({ type: 'get-report', tabId: 7 }, contentSender(7), deps)).resolves.toEqual({
      ok: false,
      error: 'not-extension-page',
    });
    // Our own page open in a tab does not pose as a content script.
    await expect(
      handleBackgroundMessage(
        { type: 'report-summary', badge, report: report('https://x.example/') },
        { ...popupSender, tab: { id: 7 }, frameId: 0 },
        deps,
      ),
    ).resolves.toMatchObject({ ok: false });
    await expect(handleBackgroundMessage({ type: 'get-report', tabId: 7 }, popupSender, deps)).resolves.toEqual({
      ok: true,
      report: page,
    });
  });

  it('refuses a report that lacks what readers rely on, and a bad tab id', async () => {
    const deps = depsWith(sessionArea());
    for (const bad of [
      { type: 'report-summary', badge, report: { url: 'https://a.example/' } },
      { type: 'report-summary', badge, report: { ...report('https://a.example/'), flags: [{ id: 'f1' }] } },
      { type: 'report-summary', badge, report: { ...report('https://a.example/'), summary: [1] } },
      { type: 'report-summary', badge, report: 'report' },
    ]) {
      await expect(handleBackgroundMessage(bad, contentSender(3), deps)).resolves.toEqual({
        ok: false,
        error: 'invalid-request',
      });
    }
    for (const tabId of [-1, 1.5, '3', undefined]) {
      await expect(handleBackgroundMessage({ type: 'get-report', tabId }, popupSender, deps)).resolves.toEqual({
        ok: false,
        error: 'invalid-request',
      });
    }
    await expect(handleBackgroundMessage({ type: 'get-report', tabId: 3 }, popupSender, deps)).resolves.toEqual({
      ok: true,
      report: null,
    });
  });

  it('replaces it with the next page, drops it on null, on a navigation and when the tab closes', async () => {
    const area = sessionArea();
    const deps = depsWith(area);
    const get = (tabId: number) => handleBackgroundMessage({ type: 'get-report', tabId }, popupSender, deps);
    await handleBackgroundMessage(
      { type: 'report-summary', badge, report: report('https://news.example/a') },
      contentSender(5),
      deps,
    );
    await handleBackgroundMessage(
      { type: 'report-summary', badge, report: report('https://news.example/b') },
      contentSender(5),
      deps,
    );
    await expect(get(5)).resolves.toMatchObject({ report: { url: 'https://news.example/b' } });
    // A badge-only update (settings changed what is counted) leaves the report as it is.
    await handleBackgroundMessage({ type: 'report-summary', badge: { ...badge, clutter: 0 } }, contentSender(5), deps);
    await expect(get(5)).resolves.toMatchObject({ report: { url: 'https://news.example/b' } });
    // The content script says the tab has none (a single-page navigation, a re-analysis started).
    await handleBackgroundMessage({ type: 'report-summary', badge: null, report: null }, contentSender(5), deps);
    await expect(get(5)).resolves.toEqual({ ok: true, report: null });

    await handleBackgroundMessage(
      { type: 'report-summary', badge, report: report('https://news.example/c') },
      contentSender(5),
      deps,
    );
    await handleBackgroundMessage(
      { type: 'report-summary', badge, report: report('https://news.example/d') },
      contentSender(6),
      deps,
    );
    await handleTabUpdated(5, { status: 'complete' }, deps);
    await expect(get(5)).resolves.toMatchObject({ report: { url: 'https://news.example/c' } });
    await handleTabUpdated(5, { status: 'loading' }, deps);
    await expect(get(5)).resolves.toEqual({ ok: true, report: null });
    expect(area.items.has(reportKey(6))).toBe(true);
    await handleTabRemoved(6, deps);
    await expect(get(6)).resolves.toEqual({ ok: true, report: null });
    expect([...area.items.keys()]).toEqual([]);
  });

  it('survives the service worker being stopped: a new store reads the session copy', async () => {
    const area = sessionArea();
    const before = createReportStore(area);
    await before.put(4, report('https://news.example/kept'));
    // The worker stops: its memory is gone, the browser's session area is not.
    const after = createReportStore(area);
    await expect(after.get(4)).resolves.toMatchObject({ url: 'https://news.example/kept' });
    await after.drop(4);
    await expect(createReportStore(area).get(4)).resolves.toBeNull();
  });

  it('keeps a report over the session quota in memory only, leaving no stale copy behind', async () => {
    const area = sessionArea(2000);
    const store = createReportStore(area);
    await store.put(4, report('https://news.example/small'));
    const big = report('https://news.example/big', 'x'.repeat(5000));
    await store.put(4, big);
    await expect(store.get(4)).resolves.toEqual(big);
    expect(area.items.has(reportKey(4))).toBe(false);
    // After a restart the popup finds none here and asks the tab itself (useTabState).
    await expect(createReportStore(area).get(4)).resolves.toBeNull();
    // Without a session area at all (an older browser), memory serves.
    const memoryOnly = createReportStore(undefined);
    await memoryOnly.put(1, big);
    await expect(memoryOnly.get(1)).resolves.toEqual(big);
  });

  it('applies operations in the order they were asked', async () => {
    const area = sessionArea();
    const slow: SessionArea = {
      get: (key) => area.get(key),
      set: (values) => new Promise((resolve) => setTimeout(() => resolve(area.set(values)), 20)),
      remove: (key) => area.remove(key),
    };
    const store = createReportStore(slow);
    void store.put(2, report('https://news.example/old'));
    void store.drop(2);
    await expect(createReportStore(slow).get(2)).resolves.toBeNull();
    await expect(store.get(2)).resolves.toBeNull();
    expect(area.items.size).toBe(0);
  });
});

describe('handleTabUpdated', () => {
  it('clears the badge when a navigation starts, not on other updates', async () => {
    const { calls, deps } = recordingDeps();
    await handleTabUpdated(4, { status: 'complete' }, deps);
    await handleTabUpdated(4, {}, deps);
    expect(calls).toEqual([]);
    await handleTabUpdated(4, { status: 'loading' }, deps);
    await handleTabUpdated(5, { url: 'https://news.example/next' }, deps);
    expect(calls.map(([tabId, text]) => [tabId, text])).toEqual([
      [4, ''],
      [5, ''],
    ]);
  });
});

describe('handleCommand', () => {
  it('sends toggle-highlights to the tab of the shortcut, else to the active tab', async () => {
    const sent: Array<[number, unknown]> = [];
    const deps = {
      activeTabId: async () => 9,
      sendToTab: async (tabId: number, message: unknown) => {
        sent.push([tabId, message]);
      },
    };
    expect(await handleCommand('toggle-highlights', { id: 3 }, deps)).toBe(true);
    expect(await handleCommand('toggle-highlights', undefined, deps)).toBe(true);
    expect(await handleCommand('something-else', { id: 3 }, deps)).toBe(false);
    expect(sent).toEqual([
      [3, { type: 'toggle-highlights' }],
      [9, { type: 'toggle-highlights' }],
    ]);
  });

  it('survives a tab without a content script', async () => {
    const deps = {
      activeTabId: async () => 2,
      sendToTab: async () => {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    };
    expect(await handleCommand('toggle-highlights', undefined, deps)).toBe(false);
  });
});

describe('background entrypoint with the fake browser', () => {
  let onCommand: ((command: string, tab?: { id?: number }) => void) | undefined;

  beforeEach(() => {
    fakeBrowser.reset();
    // The fake browser has no commands API: capture the listener ourselves.
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((listener) => {
      onCommand = listener as typeof onCommand;
    });
    background.main();
  });

  it('forwards the keyboard shortcut to the tab as toggle-highlights', async () => {
    const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true } as never);
    onCommand?.('toggle-highlights', { id: 21 });
    await vi.waitFor(() => expect(sendMessage).toHaveBeenCalledWith(21, { type: 'toggle-highlights' }));
  });

  async function send(message: unknown, sender: object): Promise<unknown> {
    const sendResponse = vi.fn();
    const results: unknown[] = await fakeBrowser.runtime.onMessage.trigger(message, sender, sendResponse);
    if (results.some((result) => result === true)) await vi.waitFor(() => expect(sendResponse).toHaveBeenCalled());
    return sendResponse.mock.calls[0]?.[0];
  }

  it('badges the sender tab and clears it when the tab navigates', async () => {
    const response = await send(
      { type: 'report-summary', badge: { readerable: true, clickbait: false, clutter: 4 } },
      contentSender(12),
    );
    expect(response).toEqual({ ok: true });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 12 })).toBe('4');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 13 })).toBe('');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 12 })).toEqual([0x1a, 0x5f, 0xb4, 255]);

    await fakeBrowser.tabs.onUpdated.trigger(12, { status: 'loading' }, { id: 12 } as never);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 12 })).toBe(''));
  });

  it('keeps each tab report in storage.session for the popup, and drops it with the tab', async () => {
    const page = report('https://news.example/story');
    const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    expect(await send({ type: 'report-summary', badge: null, report: page }, contentSender(12))).toEqual({ ok: true });
    expect(await send({ type: 'get-report', tabId: 12 }, popup)).toEqual({ ok: true, report: page });
    expect(await fakeBrowser.storage.session.get(reportKey(12))).toEqual({ [reportKey(12)]: page });
    // Nothing of it in the areas content scripts or sync could read.
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});

    await fakeBrowser.tabs.onRemoved.trigger(12, { windowId: 1, isWindowClosing: false });
    await vi.waitFor(async () => expect(await fakeBrowser.storage.session.get(reportKey(12))).toEqual({}));
    expect(await send({ type: 'get-report', tabId: 12 }, popup)).toEqual({ ok: true, report: null });
  });

  it('does not answer or act on a message shaped like ours from elsewhere', async () => {
    const response = await send(
      { type: 'report-summary', badge: { readerable: true, clickbait: true, clutter: 9 } },
      { ...contentSender(12), id: 'some-other-extension' },
    );
    expect(response).toBeUndefined();
    expect(await fakeBrowser.action.getBadgeText({ tabId: 12 })).toBe('');
  });
});
