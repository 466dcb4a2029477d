/**
 * Draws the toolbar icon (a lens over text lines) as PNGs in public/icon/.
 * Run once after changing the design: `npx node scripts/browser/make-icons.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { PROJECT_ROOT } from '../shared-data.ts';

const SIZES = [16, 32, 48, 96, 128];
const SAMPLES = 4;

type Rgba = [number, number, number, number];

/** Colour of one point of the design, in a 0..1 square. */
function paint(x: number, y: number): Rgba | null {
  const lensX = 0.42;
  const lensY = 0.42;
  const distance = Math.hypot(x - lensX, y - lensY);
  // Handle: a thick segment from the rim towards the bottom-right corner.
  const along = (x - lensX + (y - lensY)) / Math.SQRT2;
  const across = Math.abs(x - lensX - (y - lensY)) / Math.SQRT2;
  if (along > 0.3 && along < 0.62 && across < 0.075) return [26, 95, 180, 255];
  if (distance > 0.26 && distance < 0.34) return [26, 95, 180, 255];
  if (distance <= 0.26) {
    // Text lines seen through the lens; one flagged in red.
    const line = Math.floor((y - (lensY - 0.2)) / 0.1);
    const inLine = ((y - (lensY - 0.2)) % 0.1) / 0.1 < 0.45;
    if (inLine && line >= 0 && line <= 3) return line === 1 ? [179, 38, 30, 255] : [90, 90, 90, 255];
    return [255, 255, 255, 255];
  }
  return null;
}

function crc32(bytes: Uint8Array): number {
  let crc = -1;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ -1) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

function png(size: number): Buffer {
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    rows[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = paint((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (!colour) continue;
          for (let c = 0; c < 3; c++) sum[c] = (sum[c] ?? 0) + (colour[c] ?? 0);
          sum[3] = (sum[3] ?? 0) + 1;
        }
      }
      const covered = sum[3] ?? 0;
      const offset = py * (size * 4 + 1) + 1 + px * 4;
      for (let c = 0; c < 3; c++) rows[offset + c] = covered ? Math.round((sum[c] ?? 0) / covered) : 0;
      rows[offset + 3] = Math.round((covered / (SAMPLES * SAMPLES)) * 255);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', new Uint8Array()),
  ]);
}

const dir = resolve(PROJECT_ROOT, 'public', 'icon');
mkdirSync(dir, { recursive: true });
for (const size of SIZES) writeFileSync(resolve(dir, `${size}.png`), png(size));
process.stdout.write(`Wrote ${SIZES.length} icons to public/icon/\n`);
