/**
 * `npm run bench -- --profile [--limit N]`: where our analysis spends its time,
 * by function. Runs only our side over the corpus pages under Chromium's
 * sampling profiler (unminified bundle, so names are real) and prints the
 * functions with the most self time.
 */
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { rolldown } from 'rolldown';
import { findChromium, servePages } from '../browser/harness.ts';
import { PROJECT_ROOT } from '../shared-data.ts';
import { CHROMIUM_ARGS, type CorpusPage } from './corpus.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export interface HotFunction {
  name: string;
  selfMs: number;
  share: number;
}

async function unminifiedBundle(): Promise<string> {
  const build = await rolldown({
    input: resolve(PROJECT_ROOT, 'scripts', 'bench', 'entry.ts'),
    logLevel: 'silent',
    platform: 'browser',
  });
  try {
    return (await build.generate({ format: 'iife', minify: false })).output[0].code;
  } finally {
    await build.close();
  }
}

export async function profileOurs(pages: CorpusPage[], top = 25): Promise<HotFunction[]> {
  const bundle = `${await unminifiedBundle()}\n//# sourceURL=article-lens-bench.js`;
  const server = await servePages(
    Object.fromEntries(pages.map((page, index) => [`/p/${index}`, { body: () => page.html() }])),
  );
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: install it or set CHROMIUM_PATH.');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const selfUs = new Map<string, number>();
  let totalUs = 0;
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    for (const index of pages.keys()) {
      await page.goto(server.url(`/p/${index}`), { waitUntil: 'load', timeout: 20_000 }).catch(() => undefined);
      await page.evaluate(bundle).catch(() => undefined);
      await page.evaluate('__bench.ours(true)').catch(() => undefined);
      await cdp.send('Profiler.start');
      await page.evaluate('for (let i = 0; i < 5; i++) __bench.ours(true)').catch(() => undefined);
      const { profile } = (await cdp.send('Profiler.stop')) as {
        profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
      };
      const byId = new Map(profile.nodes.map((node) => [node.id, node]));
      profile.samples.forEach((id, i) => {
        const node = byId.get(id);
        const delta = profile.timeDeltas[i] ?? 0;
        if (!node) return;
        const frame = node.callFrame;
        if (['(idle)', '(program)', '(root)'].includes(frame.functionName)) return;
        const where = frame.url.endsWith('article-lens-bench.js') ? `:${frame.lineNumber + 1}` : '';
        const name = `${frame.functionName || '(anonymous)'}${where}`;
        selfUs.set(name, (selfUs.get(name) ?? 0) + delta);
        totalUs += delta;
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return [...selfUs]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({
      name,
      selfMs: Math.round(us / 100) / 10,
      share: Math.round((us / totalUs) * 1000) / 1000,
    }));
}
