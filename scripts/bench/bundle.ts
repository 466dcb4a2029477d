/**
 * Bundles for the benchmark, built with rolldown (the bundler under WXT's Vite):
 * a page-injectable IIFE of the same analysis modules the content script uses,
 * and Readability alone (the package as the analysis imports it: the parser and
 * isProbablyReaderable), minified, to compare sizes against.
 */

import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rolldown } from 'rolldown';
import { PROJECT_ROOT } from '../shared-data.ts';

async function bundle(input: string, name?: string): Promise<string> {
  const build = await rolldown({ input, logLevel: 'silent', platform: 'browser' });
  try {
    const { output } = await build.generate({ format: 'iife', name, minify: true });
    return output[0].code;
  } finally {
    await build.close();
  }
}

/** The bench IIFE: sets window.__bench with `bare` and `ours` runners. */
export function buildBenchBundle(): Promise<string> {
  return bundle(resolve(PROJECT_ROOT, 'scripts', 'bench', 'entry.ts'));
}

/** @mozilla/readability (Readability and isProbablyReaderable) minified the same way, raw and gzip bytes. */
export async function readabilitySize(): Promise<{ raw: number; gzip: number }> {
  const code = await bundle(resolve(PROJECT_ROOT, 'node_modules', '@mozilla', 'readability', 'index.js'), 'R');
  return { raw: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length };
}
