/**
 * The Firefox console watcher can see what the Firefox journeys check is
 * absent: a tiny throw-away add-on that misbehaves on purpose (a console
 * error and an uncaught error from its content script) must be caught and
 * attributed to the add-on's origin, and the page's own error must not be.
 * Without this, "no errors from the extension" could pass vacuously.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { launchFirefoxWithExtension } from '../../scripts/browser/firefox.ts';
import { servePages } from '../../scripts/browser/harness.ts';
import { describeFirefox, firefoxUnavailable, watchConsole } from './firefox-support.ts';

describeFirefox('Firefox e2e harness self-check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'article-lens-bad-firefox-extension-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('catches content-script console errors and uncaught errors, by origin', async () => {
    if (firefoxUnavailable) throw new Error(`${firefoxUnavailable} CI requires the Firefox end-to-end tests to run.`);
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({
        manifest_version: 2,
        name: 'misbehaving',
        version: '1',
        browser_specific_settings: { gecko: { id: 'misbehaving@example.org' } },
        content_scripts: [{ matches: ['http://*/*'], js: ['cs.js'], run_at: 'document_idle' }],
      }),
    );
    writeFileSync(
      join(dir, 'cs.js'),
      "console.error('boom'); setTimeout(() => { throw new Error('uncaught in content script'); }, 10);",
    );
    writeFileSync(join(dir, 'options.html'), '<!DOCTYPE html><title>options</title>');
    const server = await servePages({
      '/': {
        body: "<!DOCTYPE html><title>t</title><p>plain page</p><script>console.error('the page itself')</script>",
      },
    });
    const firefox = await launchFirefoxWithExtension({ extensionDir: dir });
    try {
      const page = await firefox.browser.newPage();
      const console = watchConsole(page, firefox.origin);
      await page.bringToFront();
      await page.goto(server.url('/'), { waitUntil: 'load' });
      await expect
        .poll(() =>
          console
            .fromExtension()
            .map((entry) => entry.source)
            .sort(),
        )
        .toEqual(['console', 'exception']);
      expect(console.fromExtension().map((entry) => entry.text)).toEqual([
        'boom',
        expect.stringContaining('uncaught in content script'),
      ]);
      // The page's own error is seen, but not taken for the extension's.
      expect(console.entries.map((entry) => entry.text)).toContain('the page itself');
    } finally {
      await firefox.close();
      await server.close();
    }
  });
});
