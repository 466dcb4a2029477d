/** A small news article shared by the clutter tests: the story, and a page around a body of blocks. */
import { JSDOM } from 'jsdom';
import { analyzeDocument } from '../../utils/analyze.ts';
import type { PageReport } from '../../utils/report.ts';

export const PARAGRAPHS = [
  'The regional council voted on Tuesday to extend the night bus network to three outlying villages, after a two-year campaign by residents who said they had been cut off from evening jobs in the city.',
  'Under the plan, buses will run every forty minutes between midnight and five in the morning from the central station, with a stop added at the hospital so that night-shift staff can travel safely.',
  'Council members said the trial would cost about two million a year and would be reviewed after eighteen months, with passenger numbers published every quarter so that the public can judge it.',
  'Opposition members questioned whether enough drivers could be hired in time, pointing to shortages that have already forced the operator to cancel some daytime services this autumn.',
  'The operator said it had started a recruitment drive and expected to have the new routes running by the spring, weather permitting, and that fares would stay the same as on daytime buses.',
];

export const URL = 'https://news.example/night-buses';

/** The first `count` paragraphs as HTML. */
export function paragraphsHtml(count = PARAGRAPHS.length): string {
  return PARAGRAPHS.slice(0, count)
    .map((text) => `<p>${text}</p>`)
    .join('');
}

/** The report of an article page whose <article> holds the headline and then `body`. */
export function articleReport(body: string): PageReport {
  const html = `<!DOCTYPE html><html><head><title>Night buses extended</title></head><body><main><article>
    <h1>Night buses extended to villages</h1>${body}</article></main></body></html>`;
  return analyzeDocument(new JSDOM(html, { url: URL }).window.document, { url: URL, force: true }).report;
}
