import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleSizes } from '../../scripts/bench/sizes.ts';

const root = mkdtempSync(join(tmpdir(), 'bench-sizes-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

// A miniature build laid out like WXT's output.
write(
  'manifest.json',
  JSON.stringify({
    background: { service_worker: 'background.js' },
    content_scripts: [{ js: ['content-scripts/content.js'], css: ['content-scripts/content.css'] }],
    action: { default_popup: 'popup.html' },
    options_ui: { page: 'options.html' },
  }),
);
write('background.js', 'console.log("bg")');
write('content-scripts/content.js', 'x'.repeat(500));
write('content-scripts/content.css', '.a{color:red}');
write(
  'popup.html',
  '<script type="module" crossorigin src="/chunks/popup-A.js"></script><link rel="modulepreload" href="/chunks/shared-B.js"><link rel="stylesheet" href="/assets/popup-C.css">',
);
write('options.html', '<script type="module" src="/chunks/options-D.js"></script>');
write('chunks/popup-A.js', 'import{a as b}from"./shared-B.js";import("./lazy-E.js");b()');
write('chunks/options-D.js', 'import"./shared-B.js";');
write('chunks/shared-B.js', 'export const a=()=>1;');
write('chunks/lazy-E.js', 'export default 1;');
write('assets/popup-C.css', 'body{width:360px}');

describe('bundleSizes', () => {
  const sizes = Object.fromEntries(bundleSizes(root).map((size) => [size.entry, size]));

  it('finds every entry of the manifest', () => {
    expect(Object.keys(sizes).sort()).toEqual(['background', 'content script', 'options', 'popup']);
  });

  it('counts the chunks and stylesheets an entry loads, transitively', () => {
    expect(sizes.popup?.files.sort()).toEqual([
      'assets/popup-C.css',
      'chunks/lazy-E.js',
      'chunks/popup-A.js',
      'chunks/shared-B.js',
      'popup.html',
    ]);
    expect(sizes.options?.files.sort()).toEqual(['chunks/options-D.js', 'chunks/shared-B.js', 'options.html']);
    expect(sizes['content script']?.files.sort()).toEqual([
      'content-scripts/content.css',
      'content-scripts/content.js',
    ]);
  });

  it('sums raw bytes and per-file gzip bytes', () => {
    const content = sizes['content script'];
    expect(content?.rawBytes).toBe(500 + '.a{color:red}'.length);
    expect(content?.gzipBytes).toBe(
      gzipSync('x'.repeat(500), { level: 9 }).length + gzipSync('.a{color:red}', { level: 9 }).length,
    );
  });
});
