// Draws the app icon (build/icon.png, 512x512 RGBA) with nothing but node:zlib: a blue
// rounded square holding a white logbook page with ruled lines and a red bookmark.
// Deterministic, so re-running it changes nothing. Run: node build/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4; // 4x4 supersampling for smooth edges

/** Inside test for a rounded rectangle given by its corners and corner radius. */
function inRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Bookmark ribbon: a rectangle with a V notch cut from its bottom edge. */
function inRibbon(x, y, x0, y0, x1, y1, notch) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const mid = (x0 + x1) / 2;
  const half = (x1 - x0) / 2;
  return y <= y1 - notch * (1 - Math.abs(x - mid) / half);
}

const BLUE = [0x1f, 0x4e, 0x8c];
const PAGE = [0xff, 0xff, 0xff];
const LINE = [0xb8, 0xc7, 0xdc];
const RED = [0xd5, 0x2b, 0x1e];

// Layers, back to front: each answers "does this point belong to me?".
const layers = [
  { color: BLUE, hit: (x, y) => inRoundedRect(x, y, 16, 16, 496, 496, 96) },
  { color: PAGE, hit: (x, y) => inRoundedRect(x, y, 128, 96, 384, 416, 20) },
  // The first line stops short of the bookmark.
  ...[176, 224, 272, 320, 368].map((top, i) => ({
    color: LINE,
    hit: (x, y) => inRoundedRect(x, y, 168, top, i === 0 ? 280 : 344, top + 12, 6),
  })),
  { color: RED, hit: (x, y) => inRibbon(x, y, 300, 80, 348, 200, 24) },
];

function pixel(px, py) {
  const rgb = [0, 0, 0];
  let covered = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = px + (sx + 0.5) / SAMPLES;
      const y = py + (sy + 0.5) / SAMPLES;
      let top = null;
      for (const layer of layers) if (layer.hit(x, y)) top = layer.color;
      if (top) {
        covered++;
        for (let i = 0; i < 3; i++) rgb[i] += top[i];
      }
    }
  }
  if (covered === 0) return [0, 0, 0, 0];
  // Colour averaged over covered samples; coverage becomes alpha (straight alpha).
  const n = SAMPLES * SAMPLES;
  return [...rgb.map((c) => Math.round(c / covered)), Math.round((255 * covered) / n)];
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  // compression, filter, interlace: all 0
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const rgba = Buffer.alloc(SIZE * SIZE * 4);
for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    rgba.set(pixel(x, y), (y * SIZE + x) * 4);
  }
}

const out = fileURLToPath(new URL('./icon.png', import.meta.url));
writeFileSync(out, encodePng(SIZE, SIZE, rgba));
console.log(`wrote ${out}`);
