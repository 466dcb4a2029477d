import { describe, expect, it } from 'vitest';
import { decodeHtml, detectCharset, looksBinary } from '../../utils/charset.ts';

const ascii = (text: string) => new TextEncoder().encode(text);
/** Bytes of a string in a single-byte legacy encoding (every char < 256). */
const latin1 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));

describe('detectCharset', () => {
  it('trusts a byte-order mark first', () => {
    expect(detectCharset(Uint8Array.from([0xef, 0xbb, 0xbf, 0x3c]))).toEqual({ charset: 'utf-8', bomLength: 3 });
    expect(detectCharset(Uint8Array.from([0xff, 0xfe, 0x3c, 0]))).toEqual({ charset: 'utf-16le', bomLength: 2 });
    expect(detectCharset(Uint8Array.from([0xfe, 0xff, 0, 0x3c]))).toEqual({ charset: 'utf-16be', bomLength: 2 });
  });

  it('reads <meta charset> and http-equiv declarations', () => {
    expect(detectCharset(latin1('<meta charset="iso-8859-1"><p>caf\xe9')).charset).toBe('windows-1252');
    expect(
      detectCharset(latin1('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>\xe0'))
        .charset,
    ).toBe('windows-1251');
  });

  it('defaults to UTF-8, also for unknown labels and for UTF-16 declared in ASCII', () => {
    expect(detectCharset(ascii('<p>naïve café</p>')).charset).toBe('utf-8');
    expect(detectCharset(ascii('<p>hello')).charset).toBe('utf-8');
    expect(detectCharset(ascii('<meta charset="no-such-charset">')).charset).toBe('utf-8');
    expect(detectCharset(ascii('<meta charset="utf-16">')).charset).toBe('utf-8');
  });

  it('reads valid multi-byte UTF-8 as UTF-8 despite a stale legacy declaration', () => {
    const bytes = ascii('<meta charset="gb2312"><title>新电脑</title>');
    expect(detectCharset(bytes).charset).toBe('utf-8');
    expect(decodeHtml(bytes)).toContain('新电脑');
  });

  it('finds a declaration late in the head, but not in the body', () => {
    const padding = `<script>${' '.repeat(20_000)}</script>`;
    expect(detectCharset(latin1(`<head>${padding}<meta charset="iso-8859-2"></head><p>\xe9`)).charset).toBe(
      'iso-8859-2',
    );
    expect(detectCharset(latin1(`<head></head><body><meta charset="iso-8859-2"><p>\xe9 \xe8 \xe0`)).charset).toBe(
      'windows-1252',
    );
  });

  it('reads undeclared bytes that are mostly not UTF-8 as windows-1252', () => {
    expect(detectCharset(latin1('<p>Alle Ausw\xe4hlen, f\xfcr Gr\xf6\xdfe</p>')).charset).toBe('windows-1252');
    // One stray byte in real UTF-8 text does not flip the page.
    expect(detectCharset(new Uint8Array([...ascii('<p>Grüße aus Köln, schöne Straße'), 0xfc])).charset).toBe('utf-8');
  });
});

describe('decodeHtml', () => {
  it('decodes legacy pages by their declaration', () => {
    expect(decodeHtml(latin1('<meta charset="latin1"><p>caf\xe9 \x93quoted\x94'))).toContain('café “quoted”');
  });

  it('strips the BOM and decodes UTF-16', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('<p>é', (c) => [c.charCodeAt(0), 0]).flat()]);
    expect(decodeHtml(utf16)).toBe('<p>é');
    expect(decodeHtml(Uint8Array.from([0xef, 0xbb, 0xbf, ...ascii('<p>x')]))).toBe('<p>x');
  });
});

describe('looksBinary', () => {
  it('spots images and NUL bytes', () => {
    expect(looksBinary(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toBe(true);
    expect(looksBinary(Uint8Array.from({ length: 200 }, (_, i) => (i * 7) % 32))).toBe(true);
  });

  it('accepts text, including UTF-16 with a BOM', () => {
    expect(looksBinary(ascii('<!doctype html><p>Hello\tworld\r\n'))).toBe(false);
    expect(looksBinary(Uint8Array.from([0xff, 0xfe, 0x3c, 0, 0x70, 0]))).toBe(false);
  });
});
