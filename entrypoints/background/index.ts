import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { offscreenAnalyzer } from './analyzer.ts';
import {
  type BadgeDeps,
  type CommandDeps,
  handleBackgroundMessage,
  handleCommand,
  handleTabRemoved,
  handleTabUpdated,
} from './handlers.ts';
import { createReportStore } from './reports.ts';

export default defineBackground(() => {
  // MV3 has `action`; Firefox's MV2 build has `browserAction`.
  const action = browser.action ?? browser.browserAction;

  // Firefox (MV2): this background page has a DOM and analyses pages itself.
  const analyzer = import.meta.env.FIREFOX
    ? null
    : offscreenAnalyzer((globalThis as unknown as { chrome: Parameters<typeof offscreenAnalyzer>[0] }).chrome);
  // Loaded apart, so Chrome's service worker does not carry the analysis; ensure-analyzer waits for it.
  const hostReady: Promise<boolean> = import.meta.env.FIREFOX
    ? import('../offscreen/host.ts').then(
        ({ handleHostMessage }) => {
          browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
            const pending = handleHostMessage(message, sender, browser.runtime.id);
            if (!pending) return false;
            pending.then(sendResponse, () => sendResponse({ ok: false, error: 'internal' }));
            return true;
          });
          return typeof DOMParser === 'function';
        },
        () => false,
      )
    : Promise.resolve(false);

  const badgeDeps: BadgeDeps = {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    // storage.session (Chrome 102+, Firefox 115+) needs no permission beyond "storage".
    reports: createReportStore(browser.storage.session),
    ensureAnalyzer: () => (analyzer ? analyzer.ensure() : hostReady),
    async setBadge(tabId, text, color) {
      try {
        await action.setBadgeText({ tabId, text });
        if (text) await action.setBadgeBackgroundColor({ tabId, color });
      } catch {
        // The tab closed meanwhile.
      }
    },
  };

  const commandDeps: CommandDeps = {
    async activeTabId() {
      // Tab ids need no "tabs" permission; only url/title would.
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.id;
    },
    sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
  };

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const pending = handleBackgroundMessage(message, sender, badgeDeps);
    if (!pending) return false;
    pending.then(sendResponse, () => sendResponse({ ok: false, error: 'internal' }));
    return true;
  });

  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    handleTabUpdated(tabId, changeInfo, badgeDeps).catch(() => {});
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    handleTabRemoved(tabId, badgeDeps).catch(() => {});
  });

  browser.commands.onCommand.addListener((command, tab) => {
    handleCommand(command, tab, commandDeps).catch(() => {});
  });
});
