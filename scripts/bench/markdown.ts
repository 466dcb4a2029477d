/** The bench figures as a Markdown page (docs/benchmark.md), from the same object `--json` prints. */
import type { HighlightCost, PopupRender } from './extension.ts';
import type { BundleSize } from './sizes.ts';

interface Stats {
  pages: number;
  ratioMedian: number;
  ratioP95: number;
  ratioTotal: number;
  bareMsMedian: number;
  oursMsMedian: number;
  slowest: { name: string; bareMs: number; oursMs: number; ratio: number }[];
  stagesPerBare: Record<string, number>;
}

export interface BenchFigures {
  pages: number;
  pageRatioMedian?: number;
  pageRatioP95?: number;
  transportMedianMs?: number;
  highlightsShownMs?: number | null;
  analysisBundleGzipBytes?: number | null;
  analysisBundleBudgetGzipBytes?: number;
  hugePage?:
    | {
        elements: number;
        analysed: boolean;
        longestPageTaskMs: number;
        longestPageTaskCpuMs: number;
        analysisMs: number;
      }
    | { error: string }
    | null;
  ratioMedian: number;
  ratioP95: number;
  ratioTotal: number;
  contentScriptGzipBytes: number | null;
  readabilityGzipBytes: number;
  readabilityMinBytes: number;
  modelGzipBytes: number | null;
  blockModelGzipBytes?: number | null;
  contentScriptBudgetGzipBytes: number;
  corpora: Record<string, Stats>;
  all: Stats;
  bundles: BundleSize[];
  highlight: HighlightCost | { error: string } | null;
  popup: PopupRender | { error: string } | null;
  targets: Record<string, { target: number; met: boolean | null }>;
  method: { reps: number; limitPerCorpus: number | null; note: string; cpus: number; loadAverageAtStart: number };
}

const kb = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / 1024).toFixed(1)} KB`);
const mark = (met: boolean | null | undefined) => (met == null ? 'not measured' : met ? 'met' : '**missed**');

export function benchMarkdown(figures: BenchFigures, when: string): string {
  const lines: string[] = [];
  lines.push('# Benchmark figures', '');
  lines.push(
    `Produced by \`npm run bench -- --markdown docs/benchmark.md\` on ${when} (headless Chromium, ` +
      `${figures.method.reps} alternating pairs per page${figures.method.limitPerCorpus ? `, ${figures.method.limitPerCorpus} pages per corpus` : ''}). ` +
      `${figures.method.cpus} CPUs, load average ${figures.method.loadAverageAtStart} at the start. ` +
      'Figures depend on the machine and on what else runs on it; the ratios are what matter.',
    '',
  );
  lines.push(`Method: ${figures.method.note}`, '');
  lines.push('## Analysis time against bare Readability', '');
  lines.push('| corpus | pages | median ratio | p95 ratio | total-time ratio | median ms bare / ours |');
  lines.push('|---|---:|---:|---:|---:|---:|');
  for (const [name, s] of [...Object.entries(figures.corpora), ['all pages', figures.all] as const]) {
    lines.push(
      `| ${name} | ${s.pages} | ${s.ratioMedian.toFixed(2)} | ${s.ratioP95.toFixed(2)} | ${s.ratioTotal.toFixed(2)} | ` +
        `${s.bareMsMedian.toFixed(2)} / ${s.oursMsMedian.toFixed(2)} |`,
    );
  }
  lines.push('');
  lines.push(
    `Targets: median ratio <= ${figures.targets.ratioMedian?.target}: ${mark(figures.targets.ratioMedian?.met)}; ` +
      `p95 <= ${figures.targets.ratioP95?.target}: ${mark(figures.targets.ratioP95?.met)}.`,
    '',
  );
  lines.push(
    'Where the time goes (median over pages, in units of bare Readability’s time): ' +
      Object.entries(figures.all.stagesPerBare)
        .map(([stage, share]) => `${stage} ${share.toFixed(2)}`)
        .join(', ') +
      '.',
    '',
  );
  lines.push('## The page’s own cost', '');
  lines.push(
    `The page’s main thread (serialise, encode the message, decode the answer, resolve the flags, encode the report passed on to the background) against a bare ` +
      `in-page Readability parse of the same page: median ${figures.pageRatioMedian?.toFixed(2)} ` +
      `(target ${figures.targets.pageRatioMedian?.target}: ${mark(figures.targets.pageRatioMedian?.met)}), p95 ` +
      `${figures.pageRatioP95?.toFixed(2)} (target ${figures.targets.pageRatioP95?.target}: ${mark(figures.targets.pageRatioP95?.met)}). ` +
      `Transport off the page (decode the request, parse the copy, encode the answer): median ${figures.transportMedianMs?.toFixed(2)} ms. ` +
      `Highlights on screen: median ${figures.highlightsShownMs ?? 'n/a'} ms after the page’s load event (idle wait included).`,
    '',
  );
  const huge = figures.hugePage;
  if (huge && !('error' in huge)) {
    lines.push(
      `A ${huge.elements.toLocaleString('en')}-element page: ${huge.analysed ? 'analysed' : '**not analysed**'} in ` +
        `${huge.analysisMs} ms; longest task on the page’s main thread meanwhile (trace) ${huge.longestPageTaskMs} ms ` +
        `(${huge.longestPageTaskCpuMs} ms of CPU; target 50 ms: ${mark(figures.targets.hugePageLongTaskMs?.met)}).`,
      '',
    );
  }
  lines.push('Slowest pages (our analysis):', '');
  for (const [name, s] of Object.entries(figures.corpora)) {
    for (const page of s.slowest.slice(0, 3)) {
      lines.push(
        `- ${name}/${page.name.slice(0, 24)}: ${page.oursMs.toFixed(1)} ms (bare ${page.bareMs.toFixed(1)} ms)`,
      );
    }
  }
  lines.push('', '## Bundle sizes', '');
  lines.push('| entry | raw | gzip | files |', '|---|---:|---:|---|');
  for (const b of figures.bundles)
    lines.push(`| ${b.entry} | ${kb(b.rawBytes)} | ${kb(b.gzipBytes)} | ${b.files.length} |`);
  lines.push(
    `| Readability (with isProbablyReaderable), minified | ${kb(figures.readabilityMinBytes)} | ${kb(figures.readabilityGzipBytes)} | |`,
  );
  lines.push(`| clickbait model (JSON) | | ${kb(figures.modelGzipBytes)} | |`);
  lines.push(`| block model (JSON) | | ${kb(figures.blockModelGzipBytes ?? null)} | |`);
  lines.push('');
  lines.push(
    `Content script gzip ${kb(figures.contentScriptGzipBytes)} against the budget ` +
      `${kb(figures.contentScriptBudgetGzipBytes)}: ${mark(figures.targets.contentScriptGzip?.met)}. ` +
      `Analysis document gzip ${kb(figures.analysisBundleGzipBytes ?? null)} against Readability + models + 40 KB = ` +
      `${kb(figures.analysisBundleBudgetGzipBytes ?? null)}: ${mark(figures.targets.analysisBundleGzip?.met)}.`,
    '',
  );
  lines.push('## Highlighting and popup', '');
  const h = figures.highlight;
  if (!h) lines.push('- Highlighting: not measured.');
  else if ('error' in h) lines.push(`- Highlighting: not measured (${h.error}).`);
  else {
    lines.push(
      `- Turning highlights on for a page with ${h.flags} flags: longest renderer main-thread task ` +
        `${h.longestTaskOnCpuMs} ms of CPU time (${h.longestTaskOnMs} ms wall; median of ${h.runs} traced runs); ` +
        `a main-thread heartbeat saw the thread blocked for at most ${h.longestBlockOnMs} ms (idle noise ` +
        `${h.idleGapMs} ms). Target (no task over 50 ms): ${mark(figures.targets.highlightLongTaskMs?.met)}.`,
    );
  }
  const p = figures.popup;
  if (!p) lines.push('- Popup: not measured.');
  else if ('error' in p) lines.push(`- Popup: not measured (${p.error}).`);
  else {
    lines.push(
      `- Popup first contentful paint ${p.popupFcpMs.toFixed(0)} ms against ${p.blankFcpMs.toFixed(0)} ms for a blank ` +
        `extension page (x${p.fcpRatio.toFixed(2)}); the analysis is on screen after ` +
        `${p.popupReadyMs === null ? 'n/a' : `${p.popupReadyMs.toFixed(0)} ms (x${p.readyRatio?.toFixed(2)})`}.`,
    );
  }
  lines.push('', '## How these are measured', '');
  lines.push(
    '- Sizes: every file an entry loads (its script, the shared chunks it imports or preloads, its stylesheets), ' +
      'raw and gzip -9 per file, summed. Readability is minified with the same bundler (rolldown).',
    '- Stages: one profiled pass per page; each stage is timed on its own (the detectors in place, the summary ' +
      'and extraction re-run alone), so the medians do not add up to the median ratio. ' +
      '`npm run bench -- --profile` lists the hottest functions.',
    '- Highlighting: the real extension on a synthetic article with many related, newsletter and share blocks; ' +
      'highlights are turned on and off through the content script’s message, under a Chromium trace (longest ' +
      'renderer main-thread task, thread CPU time and wall time). The page’s own longtask observer does not see ' +
      'content-script work, so a main-thread heartbeat in the page is the cross-check.',
    '- Popup: `popup.html?tab=<id>` for an analysed tab against `manifest.json` (a blank extension page), ' +
      'first contentful paint and the time until the popup shows the analysis (`[data-state]` other than `loading`), alternating, median.',
  );
  lines.push('');
  return lines.join('\n');
}
