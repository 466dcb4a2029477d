/**
 * The built manifests: the fewest permissions, localised names, and the Gecko
 * settings Mozilla requires. Runs after `npm test` has built both targets.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Manifest {
  manifest_version: number;
  name: string;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  action?: { default_title?: string };
  browser_action?: { default_title?: string };
  content_scripts?: { matches: string[]; all_frames?: boolean }[];
  browser_specific_settings?: {
    gecko?: { id?: string; data_collection_permissions?: { required?: string[]; optional?: string[] } };
  };
  content_security_policy?: unknown;
}

function readManifest(dir: string): Manifest {
  const file = `.output/${dir}/manifest.json`;
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run \`npm run build:chrome\` and \`npm run build:firefox\` first.`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

const builds = [
  // Chrome: `offscreen` for the document that analyses a copy of the page (no install warning).
  { dir: 'chrome-mv3', version: 3, action: 'action', permissions: ['storage', 'offscreen'] },
  // Firefox analyses in its background page: nothing more to ask for.
  { dir: 'firefox-mv2', version: 2, action: 'browser_action', permissions: ['storage'] },
] as const;

describe.each(builds)('the $dir manifest', ({ dir, version, action, permissions }) => {
  const manifest = readManifest(dir);

  it('asks for storage (and offscreen in Chrome) only, and reaches pages only through http(s) content scripts', () => {
    expect(manifest.manifest_version).toBe(version);
    expect(manifest.permissions).toEqual([...permissions]);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.content_scripts?.flatMap((script) => script.matches).sort()).toEqual(['http://*/*', 'https://*/*']);
    // No relaxed policy for extension pages: the default CSP forbids eval and remote code.
    expect(manifest.content_security_policy).toBeUndefined();
  });

  it('takes its name and toolbar title from the locale files', () => {
    expect(manifest.name).toBe('__MSG_extName__');
    expect(manifest[action]?.default_title).toBe('__MSG_actionTitle__');
  });
});

describe('the Firefox manifest', () => {
  it('has a Gecko id and declares that no data is collected', () => {
    const gecko = readManifest('firefox-mv2').browser_specific_settings?.gecko;
    expect(gecko?.id).toMatch(/^[\w.-]+@[\w.-]+$/);
    expect(gecko?.data_collection_permissions?.required).toEqual(['none']);
    expect(gecko?.data_collection_permissions?.optional ?? []).toEqual([]);
  });
});
