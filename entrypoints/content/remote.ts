/**
 * The page's side of an analysis made elsewhere: serialise the page, send the copy
 * to the extension document that analyses it, and map the flags' addresses back
 * onto the live page, dropping those whose element is gone or changed. No
 * Readability, model or detector is bundled here; where no extension document
 * can be had, the in-page analysis is loaded on demand (see fallback).
 */

import { resolveFlags } from '@/utils/address.ts';
import type { Analysis } from '@/utils/analyze.ts';
import { MAX_PAGE_HTML, parseAnalyzePageResponse } from '@/utils/messages.ts';
import type { ReportNotice } from '@/utils/report.ts';
import { serializeDocument } from '@/utils/serialize.ts';

/** Pages with more elements are not serialised (the analysis host's own bound is 250 000). */
export const PAGE_MAX_ELEMENTS = 250_000;

export interface RemoteDeps {
  document: Document;
  /** runtime.sendMessage. */
  send(message: unknown): Promise<unknown>;
  /** The in-page analysis, loaded only when no extension document can be had. */
  fallback(options: AnalyzeRequest): Promise<Analysis>;
  /** Lets the page run between steps (a macrotask). */
  yieldToPage(): Promise<void>;
  /** The page's HTML as loaded, in bytes (navigation timing), when known: checked before serialising. */
  loadedBytes?(): number;
}

/** Pages whose HTML arrived larger than this are not serialised at all (serialising costs about 10 ms per MB). */
export const MAX_LOADED_BYTES = 48 * 1024 * 1024;

export interface AnalyzeRequest {
  url: string;
  force: boolean;
  clickbaitThreshold: number;
}

function emptyReport(url: string, notice: ReportNotice): Analysis {
  return {
    report: {
      url,
      readerable: false,
      article: null,
      headline: null,
      flags: [],
      cleanText: '',
      summary: [],
      notices: [notice],
    },
    targets: new Map(),
  };
}

export async function analyzeRemotely(request: AnalyzeRequest, deps: RemoteDeps): Promise<Analysis> {
  const { document } = deps;
  if (!/html|xml/i.test(document.contentType ?? 'text/html') || !document.body) {
    return emptyReport(request.url, 'not-html');
  }
  if (document.getElementsByTagName('*').length > PAGE_MAX_ELEMENTS) return emptyReport(request.url, 'page-too-large');
  if ((deps.loadedBytes?.() ?? 0) > MAX_LOADED_BYTES) return emptyReport(request.url, 'page-too-large');

  const ready = (await deps.send({ type: 'ensure-analyzer' }).catch(() => null)) as { ok?: boolean } | null;
  if (ready?.ok !== true) {
    const analysis = await deps.fallback(request);
    analysis.report.notices.push('analysed-in-page');
    return analysis;
  }
  await deps.yieldToPage();
  const page = serializeDocument(document);
  if (!page) return emptyReport(request.url, 'not-html');
  if (page.html.length > MAX_PAGE_HTML) return emptyReport(request.url, 'page-too-large');
  const answer = parseAnalyzePageResponse(
    await deps.send({
      type: 'analyze-page',
      html: page.html,
      url: request.url,
      force: request.force,
      clickbaitThreshold: request.clickbaitThreshold,
    }),
  );
  if (!answer) throw new Error('no answer from the analysis');
  if (!answer.ok) throw new Error(answer.error);
  await deps.yieldToPage();
  return resolveFlags(document, answer.report, answer.addresses);
}

export { resolveFlags };
