/**
 * The analysis host: the page's HTML parsed inert (DOMParser: no script runs,
 * nothing loads) and analysed by the same pipeline as the CLI. It runs in an
 * extension document: Chrome's offscreen document, Firefox's background page.
 */
import { addressOf, type ElementAddress } from '@/utils/address.ts';
import { analyzeDocument } from '@/utils/analyze.ts';
import {
  type AnalyzePageRequest,
  type AnalyzePageResponse,
  isTrustedSender,
  parseAnalyzePageRequest,
  type SenderInfo,
} from '@/utils/messages.ts';

/** Off the page's thread, pages far larger than the in-page limit are analysed; above this, not. */
export const HOST_MAX_ELEMENTS = 250_000;

export interface HostSender extends SenderInfo {
  tab?: { id?: number };
  frameId?: number;
}

/** Parses and analyses one page copy. */
export function analyzeHtml(
  request: AnalyzePageRequest,
  parse: (html: string) => Document = (html) => new DOMParser().parseFromString(html, 'text/html'),
  now: () => number = () => performance.now(),
): AnalyzePageResponse {
  const started = now();
  const copy = parse(request.html);
  const { report, targets } = analyzeDocument(copy, {
    url: request.url,
    force: request.force,
    clickbaitThreshold: request.clickbaitThreshold,
    maxElements: HOST_MAX_ELEMENTS,
  });
  const addresses: Record<string, ElementAddress> = {};
  for (const [id, element] of targets) {
    const address = addressOf(element);
    if (address) addresses[id] = address;
  }
  return { ok: true, report, addresses, analysisMs: Math.round(now() - started) };
}

/**
 * The host's message handler: analyze-page from this extension's content script in a
 * web page's top frame, validated; undefined (do not answer) for everything else.
 */
export function handleHostMessage(
  message: unknown,
  sender: HostSender,
  extensionId: string,
  parse?: (html: string) => Document,
): Promise<AnalyzePageResponse> | undefined {
  if (!isTrustedSender(sender, extensionId)) return undefined;
  if (typeof sender.tab?.id !== 'number' || (sender.frameId ?? 0) !== 0) return undefined;
  // A content script runs in a web page; our own pages open in a tab (popup.html?tab=) are not one.
  if (!/^https?:/i.test(sender.url ?? '')) return undefined;
  const request = parseAnalyzePageRequest(message);
  if (!request) return undefined;
  return new Promise((resolve) => {
    try {
      resolve(analyzeHtml(request, parse));
    } catch (error) {
      resolve({ ok: false, error: error instanceof Error ? error.message.slice(0, 200) : 'analysis failed' });
    }
  });
}
