/**
 * Bundle sizes of the built extension, per entry (content script, popup,
 * options, background), counting every file each entry loads: its own script,
 * the shared chunks it imports or preloads, and its stylesheets.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  entry: string;
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

interface Manifest {
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: { js?: string[]; css?: string[] }[];
  action?: { default_popup?: string };
  browser_action?: { default_popup?: string };
  options_ui?: { page?: string };
  options_page?: string;
}

const IMPORT_RE = /(?:\bimport\s*(?:[\w$*{}\s,]+from\s*)?|\bfrom\s*|\bimport\s*\(\s*)["']([^"']+\.(?:js|mjs|css))["']/g;
const HTML_ASSET_RE = /<(?:script|link)\b[^>]*?\b(?:src|href)\s*=\s*["']([^"']+\.(?:js|mjs|css))["']/gi;

/** Resolve a reference from a file inside the build (leading "/" = build root). */
function resolveRef(fromFile: string, ref: string): string {
  if (ref.startsWith('/')) return normalize(ref.slice(1));
  return normalize(join(dirname(fromFile), ref));
}

/** The file plus everything it statically or dynamically imports, transitively. */
function closure(root: string, start: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file) || !existsSync(join(root, file))) continue;
    seen.add(file);
    if (!/\.m?js$/.test(file)) continue;
    const code = readFileSync(join(root, file), 'utf8');
    for (const match of code.matchAll(IMPORT_RE)) {
      const ref = match[1] as string;
      if (/^[a-z]+:/i.test(ref)) continue;
      queue.push(resolveRef(file, ref));
    }
  }
  return [...seen];
}

function htmlAssets(root: string, page: string): string[] {
  const html = readFileSync(join(root, page), 'utf8');
  return [...html.matchAll(HTML_ASSET_RE)].map((match) => resolveRef(page, match[1] as string));
}

function measure(root: string, entry: string, files: string[]): BundleSize {
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const bytes = readFileSync(join(root, file));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { entry, files, rawBytes, gzipBytes };
}

/** Sizes of each entry of a built extension directory (e.g. .output/chrome-mv3). */
export function bundleSizes(root: string): BundleSize[] {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Manifest;
  const sizes: BundleSize[] = [];
  const contentFiles = (manifest.content_scripts ?? []).flatMap((script) => [
    ...(script.js ?? []),
    ...(script.css ?? []),
  ]);
  if (contentFiles.length > 0) sizes.push(measure(root, 'content script', closure(root, contentFiles)));
  const popup = manifest.action?.default_popup ?? manifest.browser_action?.default_popup;
  if (popup) sizes.push(measure(root, 'popup', closure(root, [popup, ...htmlAssets(root, popup)])));
  const options = manifest.options_ui?.page ?? manifest.options_page;
  if (options) sizes.push(measure(root, 'options', closure(root, [options, ...htmlAssets(root, options)])));
  const background = manifest.background?.service_worker
    ? [manifest.background.service_worker]
    : (manifest.background?.scripts ?? []);
  if (background.length > 0) sizes.push(measure(root, 'background', closure(root, background)));
  // Chrome: the offscreen document that analyses page copies, and the in-page fallback loaded only without it.
  if (existsSync(join(root, 'offscreen.html'))) {
    sizes.push(measure(root, 'analysis', closure(root, ['offscreen.html', ...htmlAssets(root, 'offscreen.html')])));
  }
  if (existsSync(join(root, 'analysis-fallback.js'))) {
    sizes.push(measure(root, 'in-page fallback', closure(root, ['analysis-fallback.js'])));
  }
  return sizes;
}
