/**
 * The command-line front end, run as a real process: stdout must be JSON and
 * nothing else, bad inputs give one stderr line and exit code 2.
 */
import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, readSharedJson, sharedPath } from '../../scripts/shared-data.ts';
import type { PageReport } from '../../utils/report.ts';

const seedPath = sharedPath('fixtures', 'seed-article', 'page.html');
const seedTitle = readSharedJson<{ article: { title: string } }>('fixtures', 'seed-article', 'expected.json').article
  .title;

function analyze(...args: string[]): SpawnSyncReturns<string> {
  return analyzeWithInput('', ...args);
}

function analyzeWithInput(input: string, ...args: string[]): SpawnSyncReturns<string> {
  // The test runner's own Node (24), which runs the TypeScript directly.
  return spawnSync(process.execPath, ['scripts/cli/analyze.ts', ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    input,
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Parsed JSON Lines of a run; every line must be JSON. */
function records(text: string): Record<string, unknown>[] {
  return lines(text).map((line) => JSON.parse(line) as Record<string, unknown>);
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

let dir = '';
const file = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'article-lens-cli-'));
  writeFileSync(file('empty.html'), '');
  writeFileSync(file('blank.html'), ' \n\t\n');
  writeFileSync(file('image.png'), Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  mkdirSync(file('folder.html'));
  copyFileSync(seedPath, file('seed copy.html'));
  writeFileSync(file('seed.html.gz'), gzipSync(readFileSync(seedPath)));
  writeFileSync(
    file('latin1.html'),
    Uint8Array.from(
      `<html><head><meta charset="windows-1252"><title>Caf\xe9 \x93news\x94</title><style>p { color: ;;; {{ }</style></head>` +
        `<body><script>this is not javascript(</script><p>Un caf\xe9 cr\xe8me.</p></body></html>`,
      (char) => char.charCodeAt(0),
    ),
  );
  writeFileSync(
    file('headlines.txt'),
    'You won’t believe what this pensioner found in her loft\n\n  \nCouncil approves new budget\n',
  );
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('analyze CLI', () => {
  it('prints the seed page report as JSON and nothing else', () => {
    const result = analyze(seedPath);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(lines(result.stdout)).toHaveLength(1);
    const report = JSON.parse(result.stdout) as PageReport;
    expect(report.article?.title).toBe(seedTitle);
    expect(report.readerable).toBe(true);
    expect(report.url).toMatch(/^file:\/\/.*page\.html$/);
    expect(report.summary.length).toBeGreaterThan(0);
  });

  it('runs through npm with the documented command', () => {
    const result = spawnSync('npm', ['run', '--silent', 'analyze', '--', seedPath, '--url', 'https://news.example/a'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as PageReport;
    expect(report.url).toBe('https://news.example/a');
    expect(report.article?.title).toBe(seedTitle);
  });

  it('reads gzipped pages and legacy charsets, silently', () => {
    const gz = analyze(file('seed.html.gz'));
    expect(gz.status).toBe(0);
    expect((JSON.parse(gz.stdout) as PageReport).article?.title).toBe(seedTitle);

    // Broken CSS and script must not leak jsdom's console messages.
    const latin = analyze(file('latin1.html'));
    expect(latin.stderr).toBe('');
    expect(latin.status).toBe(0);
    const report = JSON.parse(latin.stdout) as PageReport;
    expect(report.article?.text).toContain('Un café crème.');
    expect(report.article?.title).toBe('Café “news”');
  });

  it('prints one line per file, in order, with an error line for a failing file', () => {
    const result = analyze(seedPath, file('missing.html'), file('seed copy.html'), file('empty.html'));
    expect(result.status).toBe(2);
    const output = lines(result.stdout).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(output).toHaveLength(4);
    expect((output[0] as unknown as PageReport).article?.title).toBe(seedTitle);
    expect(output[1]).toEqual({ file: file('missing.html'), error: 'no such file' });
    expect((output[2] as unknown as PageReport).url).toMatch(/seed%20copy\.html$/);
    expect(output[3]).toEqual({ file: file('empty.html'), error: 'is empty' });
    expect(lines(result.stderr)).toHaveLength(2);
  });

  it('keeps stdout pure JSON Lines over a batch of real pages', () => {
    const pages = ['aclu', 'bbc-1', 'lemonde-1', 'qq', 'wikipedia-2', 'mozilla-1'].map((name) =>
      sharedPath('data', 'readability-test-pages', name, 'source.html.gz'),
    );
    const result = analyze(...pages);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const reports = lines(result.stdout).map((line) => JSON.parse(line) as PageReport);
    expect(reports.map((report) => decodeURIComponent(report.url))).toEqual(pages.map((page) => `file://${page}`));
    for (const report of reports) expect(report.article?.title.length).toBeGreaterThan(0);
  });

  it('reads the page list from --files-from, a file or standard input, after the arguments', () => {
    writeFileSync(file('list.txt'), `${file('seed copy.html')}\r\n\n${file('missing.html')}\n${seedPath}\n`);
    const fromFile = analyze(file('seed.html.gz'), '--files-from', file('list.txt'));
    expect(fromFile.status).toBe(2);
    const output = records(fromFile.stdout);
    expect(output.map((line) => (line.url as string | undefined)?.replace(/^.*\//, '') ?? line.file)).toEqual([
      'seed.html.gz',
      'seed%20copy.html',
      file('missing.html'),
      'page.html',
    ]);
    expect(output[2]).toEqual({ file: file('missing.html'), error: 'no such file' });

    const fromStdin = analyzeWithInput(`${seedPath}\n`, '--files-from', '-');
    expect(fromStdin.status).toBe(0);
    expect(fromStdin.stderr).toBe('');
    expect((records(fromStdin.stdout)[0] as unknown as PageReport).article?.title).toBe(seedTitle);
  });

  it('handles a list as a batch even with one page: a failure is a JSON line on stdout', () => {
    const result = analyzeWithInput(`${file('empty.html')}\n`, '--files-from=-');
    expect(result.status).toBe(2);
    expect(records(result.stdout)).toEqual([{ file: file('empty.html'), error: 'is empty' }]);
    expect(lines(result.stderr)).toHaveLength(1);
  });

  it('rejects an unreadable or empty --files-from list with one stderr line and exit code 2', () => {
    writeFileSync(file('empty-list.txt'), '\n\n');
    for (const list of ['missing-list.txt', 'folder.html', 'empty-list.txt']) {
      const result = analyze('--files-from', file(list));
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(lines(result.stderr)).toHaveLength(1);
      expect(result.stderr).toContain('--files-from');
    }
    expect(analyze('--files-from').status).toBe(2);
    expect(analyze('--headlines', file('headlines.txt'), '--files-from', file('list.txt')).status).toBe(2);
  });

  it('analyses the same file twice when it is listed twice', () => {
    const result = analyze(file('seed copy.html'), file('seed copy.html'));
    expect(result.status).toBe(0);
    const [first, second] = records(result.stdout) as unknown as PageReport[];
    expect(first?.article?.title).toBe(seedTitle);
    expect(second).toEqual(first);
  });

  it('gives 10,000 file arguments one line each, in order', () => {
    const tiny = file('tiny.html');
    writeFileSync(tiny, '<html><head><title>Tiny</title></head><body><p>One short paragraph.</p></body></html>');
    const files = Array.from({ length: 10_000 }, (_, index) =>
      index % 1000 === 0 ? tiny : file(`gone-${index}.html`),
    );
    const result = analyze(...files);
    expect(result.status).toBe(2);
    const output = records(result.stdout);
    expect(output).toHaveLength(10_000);
    output.forEach((line, index) => {
      if (index % 1000 === 0) expect(decodeURIComponent(line.url as string)).toBe(`file://${tiny}`);
      else expect(line).toEqual({ file: files[index], error: 'no such file' });
    });
  });

  it('gives a file that vanishes mid-run its error line and goes on', async () => {
    const victim = file('victim.html');
    copyFileSync(seedPath, victim);
    const child = spawn(process.execPath, ['scripts/cli/analyze.ts', seedPath, seedPath, seedPath, victim, seedPath], {
      cwd: PROJECT_ROOT,
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      // The first report is out: three more pages come before the victim.
      if (stdout === '') rmSync(victim, { force: true });
      stdout += chunk;
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(status).toBe(2);
    const output = records(stdout);
    expect(output).toHaveLength(5);
    expect(output[3]).toEqual({ file: victim, error: 'no such file' });
    for (const index of [0, 1, 2, 4]) expect((output[index] as unknown as PageReport).article?.title).toBe(seedTitle);
  });

  it('refuses a gzip file that unpacks past the size limit, before parsing it', () => {
    writeFileSync(file('bomb.html.gz'), gzipSync(Buffer.alloc(40 * 1024 * 1024, '<p>a</p>')));
    const result = analyze(file('bomb.html.gz'), seedPath);
    expect(result.status).toBe(2);
    const output = records(result.stdout);
    expect(output[0]).toEqual({
      file: file('bomb.html.gz'),
      error: 'is too large (unpacks to more than 32 MB; pages up to 32 MB are analysed)',
    });
    expect((output[1] as unknown as PageReport).article?.title).toBe(seedTitle);
  });

  it('gives a 200 MB page an error line in its place, the pages around it their reports', () => {
    // A sparse file: 200 MB long, no disk used, never read.
    writeFileSync(file('huge.html'), '');
    truncateSync(file('huge.html'), 200 * 1024 * 1024);
    const result = analyze(seedPath, file('huge.html'), seedPath);
    expect(result.status).toBe(2);
    const output = records(result.stdout);
    expect(output).toHaveLength(3);
    expect(output[1]).toEqual({
      file: file('huge.html'),
      error: 'is too large (200 MB; pages up to 32 MB are analysed)',
    });
    for (const index of [0, 2]) expect((output[index] as unknown as PageReport).article?.title).toBe(seedTitle);
  });

  it('shows progress on stderr only when stderr is a terminal', () => {
    const out = file('progress.jsonl');
    const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;
    const command = [process.execPath, 'scripts/cli/analyze.ts', seedPath, file('seed copy.html')].map(quote).join(' ');
    // `script` runs the command on a pseudo-terminal; stdout goes to a file.
    const result = spawnSync('script', ['-qec', `${command} > ${quote(out)}`, '/dev/null'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('analyze: 2/2 pages');
    const reports = records(readFileSync(out, 'utf8')) as unknown as PageReport[];
    expect(reports.map((report) => report.article?.title)).toEqual([seedTitle, seedTitle]);
    // Not a terminal: nothing on stderr (see the batch test above).
    expect(analyze(seedPath, seedPath).stderr).toBe('');
  });

  it.each([
    ['a missing file', 'missing.html', /no such file/],
    ['a directory', 'folder.html', /directory/],
    ['an empty file', 'empty.html', /empty/],
    ['a blank file', 'blank.html', /empty/],
    ['a binary file', 'image.png', /binary/],
  ])('rejects %s with one stderr line and exit code 2', (_label, name, reason) => {
    const result = analyze(file(name));
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const errors = lines(result.stderr);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(file(name));
    expect(errors[0]).toMatch(reason);
  });

  it('explains bad usage with exit code 2', () => {
    for (const args of [[], ['--bogus', seedPath], ['--url', 'not a url', seedPath], ['--url']]) {
      const result = analyze(...args);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(lines(result.stderr)).toHaveLength(1);
    }
  });

  it('scores one headline per line with --headlines, skipping empty lines', () => {
    const result = analyze('--headlines', file('headlines.txt'));
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const verdicts = lines(result.stdout).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(verdicts.map((verdict) => verdict.text)).toEqual([
      'You won’t believe what this pensioner found in her loft',
      'Council approves new budget',
    ]);
    for (const verdict of verdicts) {
      expect(Object.keys(verdict).sort()).toEqual(['clickbait', 'reasons', 'score', 'text']);
      expect(Array.isArray(verdict.reasons)).toBe(true);
    }
    expect(verdicts[0]?.clickbait).toBe(true);
    expect(verdicts[1]?.clickbait).toBe(false);
  });

  it('rejects a missing or unreadable --headlines file with exit code 2', () => {
    for (const name of ['missing.txt', 'folder.html']) {
      const result = analyze('--headlines', file(name));
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(lines(result.stderr)).toHaveLength(1);
      expect(result.stderr).toContain(file(name));
    }
    expect(analyze('--headlines').status).toBe(2);
    expect(analyze('--headlines', file('headlines.txt'), seedPath).status).toBe(2);
  });

  it('prints usage for --help', () => {
    const result = analyze('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage:');
    expect(result.stdout).toContain('--headlines');
  });
});
