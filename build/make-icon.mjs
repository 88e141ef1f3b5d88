// Draws the app icon (no dependencies): a rounded red square with three white bars, the last one
// ticked — the three parts of "两进一有", checked. Writes PNGs for electron-builder:
//   build/icon.png (512×512: Windows .ico and macOS .icns are made from it), build/icons/NxN.png (Linux).
// Run: node build/make-icon.mjs

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const here = import.meta.dirname;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// Shapes in unit coordinates (0..1).
function inRoundedSquare(x, y, m = 0.04, r = 0.2) {
  const lo = m, hi = 1 - m;
  if (x < lo || x > hi || y < lo || y > hi) return false;
  const cx = Math.min(Math.max(x, lo + r), hi - r);
  const cy = Math.min(Math.max(y, lo + r), hi - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}
function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
const BARS = [0.3, 0.5, 0.7]; // y of the three bars
function white(x, y) {
  for (const [i, by] of BARS.entries()) {
    const end = i === 2 ? 0.44 : 0.78;
    if (distToSegment(x, y, 0.24, by, end, by) <= 0.045) return true;
  }
  // The tick after the last bar.
  return distToSegment(x, y, 0.56, 0.67, 0.64, 0.75) <= 0.045 || distToSegment(x, y, 0.64, 0.75, 0.79, 0.58) <= 0.045;
}

function draw(size) {
  const out = Buffer.alloc(size * size * 4);
  const S = 4; // supersampling per axis
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0, fg = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const x = (px + (sx + 0.5) / S) / size, y = (py + (sy + 0.5) / S) / size;
          if (inRoundedSquare(x, y)) {
            bg++;
            if (white(x, y)) fg++;
          }
        }
      }
      const n = S * S;
      const a = bg / n;
      // Red from #d0322f (top) to #a81d22 (bottom), white where the marks are.
      const t = py / size;
      const red = [0xd0 + (0xa8 - 0xd0) * t, 0x32 + (0x1d - 0x32) * t, 0x2f + (0x22 - 0x2f) * t];
      const w = bg ? fg / bg : 0;
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) out[i + c] = Math.round(red[c] * (1 - w) + 255 * w);
      out[i + 3] = Math.round(255 * a);
    }
  }
  return png(size, out);
}

fs.writeFileSync(path.join(here, 'icon.png'), draw(512));
fs.mkdirSync(path.join(here, 'icons'), { recursive: true });
for (const size of [256, 512]) fs.writeFileSync(path.join(here, 'icons', `${size}x${size}.png`), draw(size));
console.log('build/icon.png, build/icons/256x256.png, build/icons/512x512.png');
