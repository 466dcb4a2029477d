/**
 * Decoding saved pages from raw bytes: a byte-order mark first, then a
 * <meta charset> or http-equiv declaration in the first 8 KB (browsers also switch when they meet one later), else UTF-8.
 * One deviation from browsers: saved pages are often re-encoded as UTF-8 by the
 * tool that saved them while keeping their old legacy declaration, and valid
 * UTF-8 with multi-byte sequences is almost never legacy text by accident, so
 * such bytes are read as UTF-8 whatever they declare.
 */

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

export function detectCharset(bytes: Uint8Array): { charset: string; bomLength: number } {
  for (const [bom, charset] of BOMS) {
    if (bom.every((byte, index) => bytes[index] === byte)) return { charset, bomLength: bom.length };
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 8192));
  const declared =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1];
  if (declared) {
    try {
      // A page that says UTF-16 in ASCII bytes is not UTF-16 (HTML spec: treat as UTF-8).
      const label = new TextDecoder(declared).encoding;
      if (label.startsWith('utf-16') || (label !== 'utf-8' && isMultiByteUtf8(bytes))) {
        return { charset: 'utf-8', bomLength: 0 };
      }
      return { charset: label, bomLength: 0 };
    } catch {
      // Unknown label: fall through to UTF-8.
    }
  }
  return { charset: 'utf-8', bomLength: 0 };
}

/** Valid UTF-8 that uses at least one multi-byte sequence. */
function isMultiByteUtf8(bytes: Uint8Array): boolean {
  if (!bytes.some((byte) => byte >= 0x80)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function decodeHtml(bytes: Uint8Array): string {
  const { charset, bomLength } = detectCharset(bytes);
  return new TextDecoder(charset).decode(bytes.subarray(bomLength));
}

/** Heuristic for files that are not text at all (images, archives). */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  if (detectCharset(bytes).charset.startsWith('utf-16')) return false;
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}
