/**
 * Where the shared, read-only data sets live: ../shared next to the project.
 * Every script and test that needs them goes through here, so a missing folder
 * gives one clear message instead of a stack trace.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED_ROOT = resolve(PROJECT_ROOT, '..', 'shared');

export class MissingSharedDataError extends Error {}

/** Absolute path of ../shared/<parts>; throws a clear error when it is missing. */
export function sharedPath(...parts: string[]): string {
  const path = resolve(SHARED_ROOT, ...parts);
  if (!existsSync(path)) {
    throw new MissingSharedDataError(
      `Shared data not found: ../shared/${parts.join('/')} (expected next to the project folder; ` +
        'clone or copy the shared data sets there).',
    );
  }
  return path;
}

/** Raw bytes of a shared file, gunzipped when it ends in .gz. */
export function readSharedBytes(...parts: string[]): Uint8Array {
  const bytes = readFileSync(sharedPath(...parts));
  return parts.at(-1)?.endsWith('.gz') ? gunzipSync(bytes) : bytes;
}

export function readSharedJson<T>(...parts: string[]): T {
  return JSON.parse(new TextDecoder().decode(readSharedBytes(...parts))) as T;
}

/** Run a script's main, turning a missing data folder into one line and exit code 2. */
export async function runScript(main: () => Promise<void> | void): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof MissingSharedDataError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

/** One saved page of the shared sets. */
export interface SharedPage {
  set: string;
  name: string;
  path: string;
}

/** Every shared page (the seed, AEB, trafilatura, Readability's test pages), or those of the named sets. */
export function listSharedPages(sets: string[] | null): SharedPage[] {
  const pages: SharedPage[] = [];
  const want = (set: string) => sets === null || sets.includes(set);
  if (want('seed'))
    pages.push({ set: 'seed', name: 'page.html', path: sharedPath('fixtures', 'seed-article', 'page.html') });
  for (const set of ['aeb', 'trafilatura']) {
    if (!want(set)) continue;
    const dir = sharedPath('data', set, 'html');
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith('.html.gz') || name.endsWith('.html')) pages.push({ set, name, path: `${dir}/${name}` });
    }
  }
  if (want('readability')) {
    const dir = sharedPath('data', 'readability-test-pages');
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory()) {
        pages.push({ set: 'readability', name: entry.name, path: `${dir}/${entry.name}/source.html.gz` });
      }
    }
  }
  return pages;
}
