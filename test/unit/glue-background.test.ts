import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleBackgroundMessage, handleCommand, handleTabUpdated } from '@/entrypoints/background/handlers.ts';
import background from '@/entrypoints/background/index.ts';
import { badgeFor } from '@/utils/messages.ts';

const EXTENSION_ID = 'test-extension-id';
const contentSender = (tabId: number, frameId = 0) => ({
  id: EXTENSION_ID,
  url: 'https://news.example/story',
  frameId,
  tab: { id: tabId },
});

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

  it('does not answer or act on a message shaped like ours from elsewhere', async () => {
    const response = await send(
      { type: 'report-summary', badge: { readerable: true, clickbait: true, clutter: 9 } },
      { ...contentSender(12), id: 'some-other-extension' },
    );
    expect(response).toBeUndefined();
    expect(await fakeBrowser.action.getBadgeText({ tabId: 12 })).toBe('');
  });
});
