import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import {
  type BadgeDeps,
  type CommandDeps,
  handleBackgroundMessage,
  handleCommand,
  handleTabUpdated,
} from './handlers.ts';

export default defineBackground(() => {
  // MV3 has `action`; Firefox's MV2 build has `browserAction`.
  const action = browser.action ?? browser.browserAction;

  const badgeDeps: BadgeDeps = {
    extensionId: browser.runtime.id,
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

  browser.commands.onCommand.addListener((command, tab) => {
    handleCommand(command, tab, commandDeps).catch(() => {});
  });
});
