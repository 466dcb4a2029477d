/** The sweep's own machinery: figures as JSON, and a page over its time limit is killed and counted. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/shared-data.ts';

function sweep(...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/reliability/sweep.ts', '--set', 'seed', '--json', ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, figures: JSON.parse(result.stdout) as Record<string, unknown> };
}

describe('sweep', () => {
  it('analyses the seed page and prints its figures as JSON', () => {
    const { status, figures } = sweep();
    expect(status).toBe(0);
    expect(figures).toMatchObject({
      pages: 1,
      analysed: 1,
      exceptions: 0,
      timeouts: 0,
      notReaderable: 0,
      noArticle: 0,
    });
    expect((figures.slowest as { page: string }[])[0]?.page).toBe('seed/page.html');
  });

  it('kills a page that runs over its time limit, retries it once, and fails the run', () => {
    const { status, figures } = sweep('--timeout', '0.001');
    expect(status).toBe(1);
    expect(figures).toMatchObject({ pages: 1, analysed: 0, timeouts: 1, retriedAfterTimeout: ['seed/page.html'] });
  });
});
