/**
 * `npm run soak`: one CLI process over at least 5,000 page analyses (every shared
 * page, L3S-GN1's included, in a loop), fed through --files-from. It fails when:
 * - the output is not one JSON line per listed page, or any line is an error;
 * - resident memory (VmRSS, sampled every 250 ms) ever passes PEAK_BOUND_MB;
 * - memory keeps growing: the highest sample over the last pass through the pages
 *   passes the highest over the first pass (the same pages) by more than GROWTH_BOUND_MB.
 * Options: --analyses N (default 5000). Linux only (reads /proc).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { listSharedPages, PROJECT_ROOT, runScript, sharedPath } from '../shared-data.ts';

/**
 * The bound stated for the whole run. A worker's heap before it is collected plus the
 * largest shared pages' windows reach about 2 GB (measured); the bound leaves room above it.
 */
const PEAK_BOUND_MB = 2560;
/**
 * How much the last pass's peak may exceed the first pass's. Peaks move with the collector's
 * timing (seen: 44 and 205 MB in two runs); a leak of 0.2 MB a page, a twentieth of the
 * old one, adds about 1 GB over the 4,932 analyses between the two passes.
 */
const GROWTH_BOUND_MB = 512;

interface Sample {
  done: number;
  rssMB: number;
}

function rssMB(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null; // the process has ended
  }
}

function corpus(): string[] {
  const paths = listSharedPages(null).map((page) => page.path);
  const l3s = sharedPath('data', 'l3s-gn1', 'original');
  for (const name of readdirSync(l3s).sort()) if (name.endsWith('.html.gz')) paths.push(join(l3s, name));
  return paths;
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--analyses');
  const wanted = at >= 0 ? Number(process.argv[at + 1]) : 5000;
  if (!Number.isInteger(wanted) || wanted < 1) throw new Error('--analyses takes a whole number');
  const pages = corpus();
  const list: string[] = [];
  while (list.length < wanted) list.push(...pages);

  const dir = mkdtempSync(join(tmpdir(), 'article-lens-soak-'));
  const listFile = join(dir, 'pages.txt');
  writeFileSync(listFile, `${list.join('\n')}\n`);
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--experimental-strip-types', 'scripts/cli/analyze.ts', '--files-from', listFile],
    { cwd: PROJECT_ROOT, env: { ...process.env, ARTICLE_LENS_MEMORY: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let done = 0;
  let errors = 0;
  let badLines = 0;
  const firstErrors: string[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    done++;
    try {
      const parsed = JSON.parse(line) as { error?: string; file?: string };
      if (parsed.error !== undefined) {
        errors++;
        if (firstErrors.length < 5) firstErrors.push(`${parsed.file}: ${parsed.error}`);
      }
    } catch {
      badLines++;
    }
  });
  let memoryLine = '';
  createInterface({ input: child.stderr }).on('line', (line) => {
    if (line.startsWith('analyze: memory ')) memoryLine = line.slice('analyze: memory '.length);
    else process.stderr.write(`${line}\n`);
  });
  const samples: Sample[] = [];
  const timer = setInterval(() => {
    const rss = child.pid ? rssMB(child.pid) : null;
    if (rss !== null) samples.push({ done, rssMB: rss });
  }, 250);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  rmSync(dir, { recursive: true, force: true });
  const seconds = (performance.now() - started) / 1000;

  const peakOf = (part: Sample[]) => part.reduce((max, sample) => Math.max(max, sample.rssMB), 0);
  const lastPass = list.length - pages.length;
  const firstPeak = peakOf(samples.filter((sample) => sample.done < pages.length));
  const secondPeak = peakOf(samples.filter((sample) => sample.done >= lastPass));
  const peak = peakOf(samples);
  const mb = (value: number) => `${Math.round(value)} MB`;
  const lines = [
    `soak: ${list.length} analyses (${pages.length} shared pages in a loop) in one CLI process, ${seconds.toFixed(0)} s, exit code ${code}`,
    `  reports ${done - errors - badLines}, error lines ${errors}, lines that are not JSON ${badLines}`,
    `  resident memory: peak ${mb(peak)} (bound ${PEAK_BOUND_MB} MB); peak over the first pass ${mb(firstPeak)}, over the last ${mb(secondPeak)} (growth bound ${GROWTH_BOUND_MB} MB)`,
    `  the CLI's own figures: ${memoryLine || 'none'}`,
  ];
  for (const step of [0.1, 0.25, 0.5, 0.75, 1]) {
    const sample = samples.find((candidate) => candidate.done >= list.length * step) ?? samples.at(-1);
    if (sample) lines.push(`  after ${sample.done} analyses: ${mb(sample.rssMB)}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);

  const failures: string[] = [];
  if (code !== 0) failures.push(`the CLI exited with ${code}`);
  if (done !== list.length) failures.push(`${done} output lines for ${list.length} listed pages`);
  if (errors > 0) failures.push(`${errors} error lines, first: ${firstErrors.join('; ')}`);
  if (badLines > 0) failures.push(`${badLines} output lines are not JSON`);
  if (peak > PEAK_BOUND_MB) failures.push(`peak resident memory ${mb(peak)} is over ${PEAK_BOUND_MB} MB`);
  if (secondPeak > firstPeak + GROWTH_BOUND_MB) {
    failures.push(`memory grew: the last pass's peak ${mb(secondPeak)} against ${mb(firstPeak)} in the first`);
  }
  if (failures.length > 0) {
    process.stderr.write(`soak: FAILED: ${failures.join('; ')}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write('soak: passed\n');
  }
}

await runScript(main);
