/**
 * Turning a saved page on disk into a jsdom Document, for the CLI, the sweep
 * and the core tests. Node-only (jsdom, fs): it never reaches the extension.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { decodeHtml, looksBinary } from '../../utils/charset.ts';

/** A file we refuse to analyse; the message is one line meant for people. */
export class BadInputError extends Error {}

/**
 * Pages larger than this (after unpacking) are refused before parsing: the largest
 * saved news page in the shared corpora is 1.6 MB, and jsdom needs several times a
 * page's size in memory, so a 200 MB file would take the whole run down with it.
 */
export const MAX_PAGE_BYTES = 32 * 1024 * 1024;

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function tooLarge(what: string): BadInputError {
  return new BadInputError(`is too large (${what}; pages up to ${megabytes(MAX_PAGE_BYTES)} are analysed)`);
}

/** Reads a page's raw bytes, gunzipping gzip files; throws BadInputError for anything that is not a page. */
export function readPageBytes(file: string): Uint8Array {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BadInputError(code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? 'unknown error'})`);
  }
  if (stats.isDirectory()) throw new BadInputError('is a directory, not an HTML file');
  if (!stats.isFile()) throw new BadInputError('is not a regular file');
  if (stats.size > MAX_PAGE_BYTES) throw tooLarge(megabytes(stats.size));
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new BadInputError(`cannot read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  // Gzip magic rather than the file name: saved corpora are often gzipped.
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_PAGE_BYTES + 1 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
        throw tooLarge(`unpacks to more than ${megabytes(MAX_PAGE_BYTES)}`);
      throw new BadInputError('is a damaged gzip file');
    }
  }
  if (isBlank(bytes)) throw new BadInputError('is empty');
  if (looksBinary(bytes)) throw new BadInputError('is a binary file, not HTML');
  return bytes;
}

/** No bytes, or only ASCII whitespace (stops at the first other byte). */
function isBlank(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte !== 0x20 && (byte < 0x09 || byte > 0x0d)) return false;
  return true;
}

/** A silent console: pages' CSS and script errors must never reach our stdout/stderr. */
function quietConsole(): VirtualConsole {
  return new VirtualConsole();
}

/** Parses HTML into a Document at the given URL. Scripts never run and no resources load. */
export function parseHtml(html: string, url: string): { document: Document; close: () => void } {
  const dom = new JSDOM(html, { url, contentType: 'text/html', virtualConsole: quietConsole() });
  return { document: dom.window.document, close: () => dom.window.close() };
}

export function fileUrl(file: string): string {
  return pathToFileURL(resolve(file)).href;
}

/** Reads, decodes and parses a saved page; the caller must call close() when done. */
export function loadPage(file: string, url = fileUrl(file)): { document: Document; close: () => void } {
  return parseHtml(decodeHtml(readPageBytes(file)), url);
}
