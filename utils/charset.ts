/**
 * Decoding saved pages from raw bytes: a byte-order mark first, then a
 * <meta charset> or http-equiv declaration in the head (browsers switch
 * encoding when they meet one late, so the whole head is read, up to 64 KB),
 * else UTF-8. Two deviations, both where browsers would guess anyway:
 * - saved pages are often re-encoded as UTF-8 by the tool that saved them
 *   while keeping their old legacy declaration, and valid UTF-8 with
 *   multi-byte sequences is almost never legacy text by accident, so such
 *   bytes are read as UTF-8 whatever they declare;
 * - an undeclared page whose bytes are mostly not UTF-8 is read as
 *   windows-1252, the legacy default of browsers in most locales.
 */

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];
const HEAD_LIMIT = 65_536;

export function detectCharset(bytes: Uint8Array): { charset: string; bomLength: number } {
  for (const [bom, charset] of BOMS) {
    if (bom.every((byte, index) => bytes[index] === byte)) return { charset, bomLength: bom.length };
  }
  let head = new TextDecoder('latin1').decode(bytes.subarray(0, HEAD_LIMIT));
  const body = head.search(/<body[\s>]/i);
  if (body >= 0) head = head.slice(0, body);
  const declared =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1];
  if (declared) {
    try {
      // A page that says UTF-16 in ASCII bytes is not UTF-16 (HTML spec: treat as UTF-8).
      const label = new TextDecoder(declared).encoding;
      if (label.startsWith('utf-16')) return { charset: 'utf-8', bomLength: 0 };
      if (label !== 'utf-8') {
        const { valid, invalid } = utf8Evidence(bytes);
        return { charset: valid > 0 && invalid === 0 ? 'utf-8' : label, bomLength: 0 };
      }
      return { charset: label, bomLength: 0 };
    } catch {
      // Unknown label: fall through to the undeclared case.
    }
  }
  const { valid, invalid } = utf8Evidence(bytes);
  return { charset: invalid > valid ? 'windows-1252' : 'utf-8', bomLength: 0 };
}

/** Counts well-formed multi-byte UTF-8 sequences, and bytes that cannot be part of one. */
function utf8Evidence(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let index = 0; index < bytes.length; index++) {
    const lead = bytes[index] as number;
    if (lead < 0x80) continue;
    const length =
      lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    let ok = length > 0 && index + length <= bytes.length;
    for (let next = 1; ok && next < length; next++) {
      const byte = bytes[index + next] as number;
      ok = byte >= 0x80 && byte <= 0xbf;
    }
    if (ok) {
      valid++;
      index += length - 1;
    } else {
      invalid++;
    }
  }
  return { valid, invalid };
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
