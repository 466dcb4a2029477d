/**
 * The Firefox harness's checks before any browser starts: where it looks for
 * Firefox, how it reads the version, and the one line it gives when Firefox is
 * missing or older than the add-on's manifest allows.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { findFirefox, firefoxProblem, firefoxVersion, minimumFirefox } from '../../scripts/browser/firefox.ts';

const dir = mkdtempSync(join(tmpdir(), 'article-lens-firefox-harness-'));
const extensionDir = join(dir, 'firefox-mv2');
const savedPath = process.env.FIREFOX_PATH;

function fakeFirefox(name: string, versionLine: string | null): string {
  const path = join(dir, name);
  writeFileSync(path, versionLine === null ? '#!/bin/sh\nexit 3\n' : `#!/bin/sh\necho "${versionLine}"\n`);
  chmodSync(path, 0o755);
  return path;
}

function builtManifest(strictMin: string | undefined) {
  rmSync(extensionDir, { recursive: true, force: true });
  mkdirSync(extensionDir, { recursive: true });
  const gecko = strictMin ? { id: 'article-lens@example.org', strict_min_version: strictMin } : { id: 'x@example.org' };
  writeFileSync(join(extensionDir, 'manifest.json'), JSON.stringify({ browser_specific_settings: { gecko } }));
}

afterEach(() => {
  if (savedPath === undefined) delete process.env.FIREFOX_PATH;
  else process.env.FIREFOX_PATH = savedPath;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('firefox harness checks', () => {
  it('takes $FIREFOX_PATH first, and reports a FIREFOX_PATH that does not exist instead of looking elsewhere', () => {
    const fake = fakeFirefox('firefox-a', 'Mozilla Firefox 153.8.0esr');
    process.env.FIREFOX_PATH = fake;
    expect(findFirefox()).toBe(fake);
    process.env.FIREFOX_PATH = join(dir, 'nowhere');
    expect(findFirefox()).toBeNull();
    expect(firefoxProblem(extensionDir)).toBe(`FIREFOX_PATH is set to ${join(dir, 'nowhere')}, which does not exist.`);
  });

  it('reads the major version from `--version`, and null when the binary says nothing useful', () => {
    expect(firefoxVersion(fakeFirefox('firefox-b', 'Mozilla Firefox 153.8.0esr'))).toEqual({
      major: 153,
      text: 'Mozilla Firefox 153.8.0esr',
    });
    expect(firefoxVersion(fakeFirefox('firefox-c', 'Mozilla Firefox 91.0'))?.major).toBe(91);
    expect(firefoxVersion(fakeFirefox('firefox-d', null))).toBeNull();
    expect(firefoxVersion(fakeFirefox('firefox-e', 'no version here'))).toBeNull();
  });

  it('takes the minimum from the built manifest, and says clearly when there is no build', () => {
    builtManifest('140.0');
    expect(minimumFirefox(extensionDir)).toBe(140);
    builtManifest(undefined);
    expect(() => minimumFirefox(extensionDir)).toThrow(/declares no gecko.strict_min_version/);
    expect(() => minimumFirefox(join(dir, 'not-built'))).toThrow(/npm run build:firefox/);
  });

  it('gives one line for a Firefox older than the manifest allows, and none for a recent one', () => {
    builtManifest('140.0');
    process.env.FIREFOX_PATH = fakeFirefox('firefox-old', 'Mozilla Firefox 128.5.0esr');
    const problem = firefoxProblem(extensionDir);
    expect(problem).toMatch(/^Mozilla Firefox 128\.5\.0esr at .* is too old: the add-on needs Firefox 140 or newer/);
    expect(problem).not.toContain('\n');
    process.env.FIREFOX_PATH = fakeFirefox('firefox-new', 'Mozilla Firefox 153.8.0esr');
    expect(firefoxProblem(extensionDir)).toBeNull();
    process.env.FIREFOX_PATH = fakeFirefox('firefox-mute', null);
    expect(firefoxProblem(extensionDir)).toMatch(/does not report a Firefox version/);
  });
});
