/**
 * The watchers the other e2e tests rely on can see what they look for: a tiny
 * throw-away extension that misbehaves on purpose (console errors and uncaught
 * errors from its content script, a request from its service worker) must be
 * caught. Without this, "no errors" and "no requests" could pass vacuously.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Request } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { launchWithExtension, servePages } from '../../scripts/browser/harness.ts';
import { chromiumPath, describeBrowser, watchConsole } from './support.ts';

describeBrowser('e2e harness self-check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'article-lens-bad-extension-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('catches content-script errors in the page console and service-worker requests', async () => {
    if (!chromiumPath) throw new Error('No Chromium found, and CI requires the end-to-end tests to run.');
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({
        manifest_version: 3,
        name: 'misbehaving',
        version: '1',
        background: { service_worker: 'background.js' },
        content_scripts: [{ matches: ['http://*/*'], js: ['cs.js'], run_at: 'document_idle' }],
      }),
    );
    writeFileSync(join(dir, 'background.js'), '');
    writeFileSync(
      join(dir, 'cs.js'),
      "console.error('boom'); setTimeout(() => { throw new Error('uncaught'); }, 10); Promise.reject(new Error('rejected'));",
    );
    const server = await servePages({ '/': { body: '<!DOCTYPE html><title>t</title><p>plain page</p>' } });
    const browser = await launchWithExtension({ extensionDir: dir, executablePath: chromiumPath });
    try {
      const requests: Request[] = [];
      browser.context.on('request', (request) => requests.push(request));
      const page = await browser.context.newPage();
      const console = await watchConsole(browser.context, page);
      await page.goto(server.url('/'));
      await expect.poll(() => console.fromExtension().length).toBeGreaterThanOrEqual(3);
      expect(console.fromExtension().map((entry) => entry.source)).toEqual(
        expect.arrayContaining(['console', 'exception']),
      );
      await browser.serviceWorker.evaluate((url) => fetch(url).catch(() => undefined), server.url('/from-worker'));
      await expect
        .poll(() => requests.filter((r) => r.serviceWorker() !== null).map((r) => r.url()))
        .toEqual([server.url('/from-worker')]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
