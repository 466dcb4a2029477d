/**
 * Builds the Chrome extension when the build is missing or older than its
 * sources (used by the bench, the demo and the screenshots).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_EXTENSION_DIR } from '../browser/harness.ts';
import { PROJECT_ROOT } from '../shared-data.ts';

const SOURCES = ['entrypoints', 'components', 'utils', 'public', 'locales', 'assets', 'wxt.config.ts', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

export function buildIsStale(): boolean {
  const manifest = join(DEFAULT_EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifest)) return true;
  const newest = Math.max(...SOURCES.map((source) => newestMtime(resolve(PROJECT_ROOT, source))));
  return statSync(manifest).mtimeMs < newest;
}

/** Runs `wxt build` if needed; its output goes to stderr so stdout stays clean for JSON. */
export function ensureBuild(options: { force?: boolean; log?: (line: string) => void } = {}): void {
  if (!options.force && !buildIsStale()) return;
  (options.log ?? ((line) => process.stderr.write(`${line}\n`)))('Building the extension (wxt build)…');
  execFileSync('npx', ['wxt', 'build'], { cwd: PROJECT_ROOT, stdio: ['ignore', process.stderr, process.stderr] });
}
