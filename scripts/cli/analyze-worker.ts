/**
 * The CLI's page analysis, one page per message, for batches: the CLI runs it in a
 * worker thread that it replaces every few hundred pages, because jsdom does not give
 * all of a closed window's memory back, so only ending the thread keeps a long run flat.
 */
import { parentPort } from 'node:worker_threads';
import { analyzePage } from '../../utils/analyze.ts';
import { BadInputError, fileUrl, loadPage } from './load-page.ts';

export interface PageJob {
  file: string;
  url: string | null;
}

/** The report as one JSON line, or the failure (`bad`: an input we refuse, exit code 2). */
export type PageOutcome = { ok: true; json: string } | { ok: false; error: string; bad: boolean };

export function analyzeFile(file: string, url: string | null): string {
  const { document, close } = loadPage(file, url ?? fileUrl(file));
  try {
    return JSON.stringify(analyzePage(document, { force: true, url: url ?? fileUrl(file) }));
  } finally {
    close();
  }
}

export function runJob({ file, url }: PageJob): PageOutcome {
  try {
    return { ok: true, json: analyzeFile(file, url) };
  } catch (error) {
    return {
      ok: false,
      error: error instanceof Error ? error.message : String(error),
      bad: error instanceof BadInputError,
    };
  }
}

parentPort?.on('message', (job: PageJob) => parentPort?.postMessage(runJob(job)));
