/**
 * `npm run bench`: speed and size figures of the extension, measured in real
 * Chromium with the extension's own code. Prints figures, asserts nothing.
 *
 *   npm run bench                      human-readable report
 *   npm run --silent bench -- --json   one JSON object on stdout, nothing else
 *   --limit N     at most N pages per corpus (quick runs)
 *   --reps N      timed pairs per page (default 7)
 *   --no-build    use .output/chrome-mv3 as it is
 *   --skip-extension   no highlight / popup measurements
 *   --markdown FILE    also write the figures as Markdown (docs/benchmark.md)
 *   --profile     instead: our analysis under the profiler, top functions by self time
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { DEFAULT_EXTENSION_DIR } from '../browser/harness.ts';
import { PROJECT_ROOT, runScript } from '../shared-data.ts';
import { ensureBuild } from './build.ts';
import { buildBenchBundle, readabilitySize } from './bundle.ts';
import { corpusPages, median, type PageTiming, timeCorpus } from './corpus.ts';
import {
  type HighlightCost,
  type HugePageTrace,
  highlightCost,
  highlightsShown,
  hugePageTrace,
  type PopupRender,
  popupRender,
  withExtension,
} from './extension.ts';
import { benchMarkdown } from './markdown.ts';
import { profileOurs } from './profile.ts';
import { type BundleSize, bundleSizes } from './sizes.ts';

const TARGETS = {
  ratioMedian: 1.3,
  ratioP95: 1.6,
  pageRatioMedian: 0.25,
  pageRatioP95: 0.5,
  contentScriptGzipBytes: 25 * 1024,
  analysisSlackBytes: 40 * 1024,
  longTaskMs: 50,
};

interface CorpusStats {
  pages: number;
  errors: number;
  ratioMedian: number;
  ratioP95: number;
  /** Sum of our medians over sum of bare medians: the cost weighted by page size. */
  ratioTotal: number;
  pageRatioMedian: number;
  pageRatioP95: number;
  transportMedianMs: number;
  bareMsMedian: number;
  oursMsMedian: number;
  slowest: Pick<PageTiming, 'name' | 'bareMs' | 'oursMs' | 'ratio'>[];
  highestRatio: Pick<PageTiming, 'name' | 'bareMs' | 'oursMs' | 'ratio'>[];
  /** Per stage of our analysis: median over pages of its time in units of bare Readability's time. */
  stagesPerBare: Record<string, number>;
}

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;
const brief = (t: PageTiming) => ({
  name: t.name,
  bareMs: round(t.bareMs),
  oursMs: round(t.oursMs),
  ratio: round(t.ratio),
});

function stats(timings: PageTiming[]): CorpusStats {
  const ok = timings.filter((t) => Number.isFinite(t.ratio));
  const ratios = ok.map((t) => t.ratio);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    pages: ok.length,
    errors: timings.length - ok.length,
    ratioMedian: round(median(ratios)),
    ratioP95: round(percentile(ratios, 95)),
    ratioTotal: round(sum(ok.map((t) => t.oursMs)) / sum(ok.map((t) => t.bareMs))),
    pageRatioMedian: round(median(ok.filter((t) => Number.isFinite(t.pageRatio)).map((t) => t.pageRatio))),
    pageRatioP95: round(
      percentile(
        ok.filter((t) => Number.isFinite(t.pageRatio)).map((t) => t.pageRatio),
        95,
      ),
    ),
    transportMedianMs: round(median(ok.filter((t) => Number.isFinite(t.transportMs)).map((t) => t.transportMs))),
    bareMsMedian: round(median(ok.map((t) => t.bareMs))),
    oursMsMedian: round(median(ok.map((t) => t.oursMs))),
    slowest: [...ok]
      .sort((a, b) => b.oursMs - a.oursMs)
      .slice(0, 5)
      .map(brief),
    highestRatio: [...ok]
      .sort((a, b) => b.ratio - a.ratio)
      .slice(0, 5)
      .map(brief),
    stagesPerBare: Object.fromEntries(
      [...new Set(ok.flatMap((t) => Object.keys(t.stages)))].map((stage) => [
        stage,
        round(median(ok.map((t) => (t.stages[stage] ?? 0) / t.bareMs))),
      ]),
    ),
  };
}

/** A model shipped as data (a JSON file under utils/), measured as compact JSON. */
function modelSize(...segments: string[]): { rawBytes: number; gzipBytes: number } | null {
  const path = resolve(PROJECT_ROOT, 'utils', ...segments);
  if (!existsSync(path)) return null;
  // Shipped as a bundled object: measure it as compact JSON.
  const compact = JSON.stringify(JSON.parse(readFileSync(path, 'utf8')));
  return { rawBytes: Buffer.byteLength(compact), gzipBytes: gzipSync(compact, { level: 9 }).length };
}

async function attempt<T>(run: () => Promise<T>): Promise<T | { error: string }> {
  try {
    return await run();
  } catch (error) {
    return { error: error instanceof Error ? (error.message.split('\n')[0] ?? String(error)) : String(error) };
  }
}

const kb = (bytes: number | null | undefined) => (bytes == null ? 'n/a' : `${(bytes / 1024).toFixed(1)} KB`);
const verdict = (met: boolean | null) => (met === null ? '(not measured)' : met ? 'target met' : 'TARGET MISSED');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      limit: { type: 'string' },
      reps: { type: 'string', default: '7' },
      'no-build': { type: 'boolean', default: false },
      'skip-extension': { type: 'boolean', default: false },
      markdown: { type: 'string' },
      profile: { type: 'boolean', default: false },
    },
  });
  const json = values.json;
  const log = (line: string) => {
    if (!json) process.stdout.write(`${line}\n`);
  };
  // A progress line that rewrites itself: only on a terminal (a CI log would get one endless line).
  const progress = (line: string) => {
    if (!json && process.stderr.isTTY) process.stderr.write(`${line}\r`);
  };
  const limit = values.limit ? Number(values.limit) : undefined;
  const reps = Math.max(3, Number(values.reps));

  if (values.profile) {
    const hot = await profileOurs(corpusPages(limit));
    if (json) process.stdout.write(`${JSON.stringify({ hot })}\n`);
    else
      for (const f of hot)
        log(`${(f.share * 100).toFixed(1).padStart(5)}%  ${f.selfMs.toFixed(1).padStart(8)} ms  ${f.name}`);
    return;
  }
  if (!values['no-build']) {
    try {
      ensureBuild();
    } catch (error) {
      // A broken working tree should not stop the figures: measure the last good build.
      process.stderr.write(`Build failed, measuring the existing build: ${String(error).split('\n')[0]}\n`);
    }
  }
  const bundles: BundleSize[] = bundleSizes(DEFAULT_EXTENSION_DIR);
  const readability = await readabilitySize();
  const model = modelSize('clickbait', 'model.json');
  const blockModel = modelSize('clutter', 'block-model.json');

  const loadAtStart = loadavg()[0] ?? 0;
  const pages = corpusPages(limit);
  const bundle = await buildBenchBundle();
  const started = Date.now();
  const timings = await timeCorpus(pages, bundle, {
    reps,
    budgetMs: 3000,
    onPage: (timing, done) =>
      progress(`timing pages: ${done}/${pages.length} ${timing.corpus}/${timing.name.slice(0, 24)}   `),
  });
  if (!json) process.stderr.write('\n');
  const timingSeconds = (Date.now() - started) / 1000;

  let highlight: HighlightCost | { error: string } | null = null;
  let popup: PopupRender | { error: string } | null = null;
  let shown: { medianMs: number; runs: number[] } | { error: string } | null = null;
  let huge: HugePageTrace | { error: string } | null = null;
  if (!values['skip-extension']) {
    const measured = await attempt(() =>
      withExtension(async (browser) => ({
        highlight: await attempt(() => highlightCost(browser)),
        popup: await attempt(() => popupRender(browser)),
        shown: await attempt(() => highlightsShown(browser)),
        huge: await attempt(() => hugePageTrace(browser)),
      })),
    );
    if ('error' in measured) [highlight, popup, shown, huge] = [measured, measured, measured, measured];
    else ({ highlight, popup, shown, huge } = measured);
  }

  const corpora: Record<string, CorpusStats> = {};
  for (const corpus of new Set(timings.map((t) => t.corpus))) {
    corpora[corpus] = stats(timings.filter((t) => t.corpus === corpus));
  }
  const all = stats(timings);
  const content = bundles.find((b) => b.entry === 'content script');
  const sizeBudget = TARGETS.contentScriptGzipBytes;
  const analysisBundle = bundles.find((b) => b.entry === 'analysis');
  // "Readability + models + 40 KB": both models the analysis ships as data count as models.
  const analysisBudget =
    readability.gzip + (model?.gzipBytes ?? 0) + (blockModel?.gzipBytes ?? 0) + TARGETS.analysisSlackBytes;
  const hugeOk = huge && !('error' in huge) ? huge : null;
  // The target is about pages with at least 50 flags: fewer measures nothing.
  const longest = highlight && !('error' in highlight) && highlight.flags >= 50 ? highlight.longestTaskOnCpuMs : null;
  const result = {
    pages: all.pages,
    errors: all.errors,
    ratioMedian: all.ratioMedian,
    ratioP95: all.ratioP95,
    ratioTotal: all.ratioTotal,
    pageRatioMedian: all.pageRatioMedian,
    pageRatioP95: all.pageRatioP95,
    transportMedianMs: all.transportMedianMs,
    highlightsShownMs: shown && !('error' in shown) ? shown.medianMs : null,
    analysisBundleGzipBytes: analysisBundle?.gzipBytes ?? null,
    analysisBundleBudgetGzipBytes: analysisBudget,
    hugePage: huge,
    contentScriptGzipBytes: content?.gzipBytes ?? null,
    contentScriptRawBytes: content?.rawBytes ?? null,
    readabilityGzipBytes: readability.gzip,
    readabilityMinBytes: readability.raw,
    modelGzipBytes: model?.gzipBytes ?? null,
    modelRawBytes: model?.rawBytes ?? null,
    blockModelGzipBytes: blockModel?.gzipBytes ?? null,
    contentScriptBudgetGzipBytes: sizeBudget,
    corpora,
    bundles,
    highlight,
    popup,
    targets: {
      ratioMedian: { target: TARGETS.ratioMedian, met: all.ratioMedian <= TARGETS.ratioMedian },
      ratioP95: { target: TARGETS.ratioP95, met: all.ratioP95 <= TARGETS.ratioP95 },
      pageRatioMedian: { target: TARGETS.pageRatioMedian, met: all.pageRatioMedian <= TARGETS.pageRatioMedian },
      pageRatioP95: { target: TARGETS.pageRatioP95, met: all.pageRatioP95 <= TARGETS.pageRatioP95 },
      analysisBundleGzip: {
        target: analysisBudget,
        met: analysisBundle ? analysisBundle.gzipBytes <= analysisBudget : null,
      },
      hugePageLongTaskMs: {
        target: TARGETS.longTaskMs,
        met: hugeOk ? hugeOk.analysed && hugeOk.longestPageTaskMs <= TARGETS.longTaskMs : null,
      },
      contentScriptGzip: { target: sizeBudget, met: content ? content.gzipBytes <= sizeBudget : null },
      highlightLongTaskMs: { target: TARGETS.longTaskMs, met: longest === null ? null : longest <= TARGETS.longTaskMs },
    },
    method: {
      reps,
      limitPerCorpus: limit ?? null,
      timingSeconds: round(timingSeconds, 1),
      // Other work on the machine adds noise (most to the highlight and popup figures).
      cpus: availableParallelism(),
      loadAverageAtStart: round(loadAtStart, 2),
      note:
        'Per page, copy = DOMParser parse of the page serialised as the content script sends it: bare = new ' +
        'Readability(copy.cloneNode(true)).parse(); ours = analyzeDocument(copy, { url, clickbaitThreshold, force: ' +
        'true }) (forced so non-readerable pages extract too); ratio ours/bare. Page ratio: serialise + JSON-encode ' +
        'the request + decode the answer + resolve the flags + JSON-encode the report passed on to the background, ' +
        'over new Readability(document.cloneNode(true)).parse() ' +
        'in the page (drawing the layer is measured apart: highlight). Transport: decode the request, parse the ' +
        'copy, encode the answer. Alternating runs in the same page, page scripts off; per-page medians.',
    },
    errorPages: timings.filter((t) => t.error).map((t) => ({ corpus: t.corpus, name: t.name, error: t.error })),
  };

  if (values.markdown) {
    writeFileSync(
      resolve(process.env.INIT_CWD ?? process.cwd(), values.markdown),
      benchMarkdown({ ...result, all }, new Date().toISOString().slice(0, 10)),
    );
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  log(
    `\nAnalysis time vs bare Readability (${all.pages} pages, ${reps} alternating pairs each, ${round(timingSeconds, 1)} s)`,
  );
  for (const [name, s] of Object.entries({ ...corpora, all })) {
    log(
      `  ${name.padEnd(24)} pages ${String(s.pages).padStart(4)}  median ratio ${s.ratioMedian.toFixed(2)}  ` +
        `p95 ${s.ratioP95.toFixed(2)}  total ${s.ratioTotal.toFixed(2)}  ` +
        `median ms bare ${s.bareMsMedian.toFixed(2)} / ours ${s.oursMsMedian.toFixed(2)}` +
        (s.errors ? `  errors ${s.errors}` : ''),
    );
  }
  log(
    `  where the time goes (median over pages, in units of bare Readability's time): ${Object.entries(all.stagesPerBare)
      .map(([stage, share]) => `${stage} ${share.toFixed(2)}`)
      .join(', ')}`,
  );
  log(
    `  page's main thread (serialise, send, resolve flags, pass the report on) / in-page Readability: median ${all.pageRatioMedian.toFixed(2)} ` +
      `(target ${TARGETS.pageRatioMedian}: ${verdict(result.targets.pageRatioMedian.met)}), p95 ${all.pageRatioP95.toFixed(2)} ` +
      `(target ${TARGETS.pageRatioP95}: ${verdict(result.targets.pageRatioP95.met)}); transport median ${all.transportMedianMs.toFixed(2)} ms`,
  );
  log(
    `  targets: median <= ${TARGETS.ratioMedian}: ${verdict(result.targets.ratioMedian.met)}; p95 <= ${TARGETS.ratioP95}: ${verdict(result.targets.ratioP95.met)}`,
  );
  for (const [name, s] of Object.entries(corpora)) {
    log(
      `  slowest (${name}): ${s.slowest.map((t) => `${t.name.slice(0, 16)} ${t.oursMs.toFixed(1)} ms (x${t.ratio.toFixed(2)})`).join(', ')}`,
    );
    log(
      `  highest ratio (${name}): ${s.highestRatio.map((t) => `${t.name.slice(0, 16)} x${t.ratio.toFixed(2)} (${t.bareMs.toFixed(1)} -> ${t.oursMs.toFixed(1)} ms)`).join(', ')}`,
    );
  }
  for (const page of result.errorPages) log(`  error: ${page.corpus}/${page.name}: ${page.error}`);

  log('\nBundle sizes (built Chrome extension, each entry with the shared chunks it loads)');
  for (const b of bundles) {
    log(
      `  ${b.entry.padEnd(16)} raw ${kb(b.rawBytes).padStart(9)}  gzip ${kb(b.gzipBytes).padStart(9)}  (${b.files.join(', ')})`,
    );
  }
  log(`  Readability (with isProbablyReaderable) minified: raw ${kb(readability.raw)}, gzip ${kb(readability.gzip)}`);
  for (const [name, file, size] of [
    ['clickbait model', 'clickbait/model.json', model],
    ['block model', 'clutter/block-model.json', blockModel],
  ] as const)
    log(
      size
        ? `  ${name} (compact JSON): raw ${kb(size.rawBytes)}, gzip ${kb(size.gzipBytes)}`
        : `  ${name}: utils/${file} not found (counted as 0)`,
    );
  log(
    `  content script gzip ${kb(content?.gzipBytes)} vs budget ${kb(sizeBudget)}: ${verdict(result.targets.contentScriptGzip.met)}`,
  );
  log(
    `  analysis document gzip ${kb(analysisBundle?.gzipBytes)} vs Readability + models + ${kb(TARGETS.analysisSlackBytes)} = ${kb(analysisBudget)}: ${verdict(result.targets.analysisBundleGzip.met)}`,
  );

  log('\nHighlighting (real extension, synthetic article page)');
  if (!highlight) log('  skipped');
  else if ('error' in highlight) log(`  not measured: ${highlight.error}`);
  else {
    log(
      `  ${highlight.flags} flags; turning highlights on: longest renderer task ${highlight.longestTaskOnCpuMs} ms of CPU ` +
        `(${highlight.longestTaskOnMs} ms wall; median of ${highlight.runs} traced runs); main thread blocked at most ` +
        `${highlight.longestBlockOnMs} ms (heartbeat, worst ${highlight.longestBlockOnMaxMs} ms, idle noise ${highlight.idleGapMs} ms); ` +
        `turning off: longest task ${highlight.longestTaskOffCpuMs} ms of CPU (heartbeat ${highlight.longestBlockOffMs} ms); message round trip ${highlight.roundTripOnMs} ms`,
    );
    log(
      `  target: no task > ${TARGETS.longTaskMs} ms (thread CPU time) with >= 50 flags: ${highlight.flags < 50 ? 'page gave fewer than 50 flags' : verdict(result.targets.highlightLongTaskMs.met)}`,
    );
  }
  log('\nPopup time to first render (popup.html?tab=<id> vs a blank extension page)');
  if (!popup) log('  skipped');
  else if ('error' in popup) log(`  not measured: ${popup.error}`);
  else {
    log(
      `  first contentful paint: popup ${popup.popupFcpMs.toFixed(1)} ms vs blank ${popup.blankFcpMs.toFixed(1)} ms: x${popup.fcpRatio.toFixed(2)} (median of ${popup.runs})`,
    );
    log(
      popup.popupReadyMs === null
        ? '  popup never showed the analysis'
        : `  analysis shown ([data-state] past loading): ${popup.popupReadyMs.toFixed(1)} ms: x${popup.readyRatio?.toFixed(2)} of blank paint`,
    );
  }
}

await runScript(main).catch((error: unknown) => {
  // One clear line (e.g. no Chromium), not a stack trace.
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
