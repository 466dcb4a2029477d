/** Chrome's offscreen document: hosts the analysis of page copies (see host.ts). */
import { browser } from 'wxt/browser';
import { handleHostMessage } from './host.ts';

browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const pending = handleHostMessage(message, sender, browser.runtime.id);
  if (!pending) return false;
  pending.then(sendResponse, () => sendResponse({ ok: false, error: 'internal' }));
  return true;
});
