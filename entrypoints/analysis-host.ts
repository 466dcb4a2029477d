/**
 * Chrome's offscreen document's script: hosts the analysis of page copies (see
 * offscreen/host.ts). Built on its own as one self-contained file, so the
 * document loads only the analysis: no chunk shared with the popup (spoiler,
 * summary, interface code) and no webextension-polyfill, since the offscreen
 * document has chrome.runtime alone and this needs nothing more.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { handleHostMessage } from './offscreen/host.ts';

interface RuntimeApi {
  id: string;
  onMessage: {
    addListener(
      listener: (
        message: unknown,
        sender: Parameters<typeof handleHostMessage>[1],
        sendResponse: (response: unknown) => void,
      ) => boolean,
    ): void;
  };
}

export default defineUnlistedScript({
  // Firefox analyses in its background page, which imports host.ts itself.
  include: ['chrome'],
  main() {
    const runtime = (globalThis as unknown as { chrome: { runtime: RuntimeApi } }).chrome.runtime;
    runtime.onMessage.addListener((message, sender, sendResponse) => {
      const pending = handleHostMessage(message, sender, runtime.id);
      if (!pending) return false;
      pending.then(sendResponse, () => sendResponse({ ok: false, error: 'internal' }));
      return true;
    });
  },
});
