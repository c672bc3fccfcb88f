/**
 * Draws the add-in's icons as PNG files in assets/: `icon-<size>.png` (a white bar chart, the add-in and
 * its task pane button) and `run-<size>.png` (a white check mark, the 「評価を更新」 button), each on a
 * green rounded square. No image tools are needed: shapes are rasterized with 4×4 supersampling and
 * encoded with zlib. Run with `npm run icons`; the PNGs are committed, so the build does not run this.
 */
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Rgb = readonly [number, number, number];

/** A shape in unit coordinates (0..1 across the icon): true where a point is inside. */
type Shape = (x: number, y: number) => boolean;

interface Layer {
  readonly colour: Rgb;
  readonly shape: Shape;
}

const GREEN: Rgb = [0x1b, 0x7a, 0x47];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const SIZES = [16, 32, 64, 80] as const;
const SUPERSAMPLE = 4;

function roundedSquare(inset: number, radius: number): Shape {
  const lo = inset + radius;
  const hi = 1 - inset - radius;
  return (x, y) => {
    const dx = Math.max(lo - x, 0, x - hi);
    const dy = Math.max(lo - y, 0, y - hi);
    return dx * dx + dy * dy <= radius * radius;
  };
}

function rect(left: number, top: number, right: number, bottom: number): Shape {
  return (x, y) => x >= left && x <= right && y >= top && y <= bottom;
}

function union(...shapes: Shape[]): Shape {
  return (x, y) => shapes.some((shape) => shape(x, y));
}

/** A polyline drawn with a round pen of the given width. */
function stroke(points: readonly (readonly [number, number])[], width: number): Shape {
  const half = width / 2;
  return (x, y) =>
    points.slice(1).some(([bx, by], i) => {
      const [ax, ay] = points[i];
      const vx = bx - ax;
      const vy = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
      const px = ax + t * vx - x;
      const py = ay + t * vy - y;
      return px * px + py * py <= half * half;
    });
}

const BACKGROUND = roundedSquare(0.03, 0.18);

const BAR_CHART = union(
  rect(0.2, 0.56, 0.34, 0.8),
  rect(0.43, 0.4, 0.57, 0.8),
  rect(0.66, 0.22, 0.8, 0.8),
  rect(0.16, 0.8, 0.84, 0.85),
);

const CHECK_MARK = stroke(
  [
    [0.24, 0.52],
    [0.43, 0.7],
    [0.77, 0.3],
  ],
  0.14,
);

const ICONS: Readonly<Record<string, readonly Layer[]>> = {
  icon: [
    { colour: GREEN, shape: BACKGROUND },
    { colour: WHITE, shape: BAR_CHART },
  ],
  run: [
    { colour: GREEN, shape: BACKGROUND },
    { colour: WHITE, shape: CHECK_MARK },
  ],
};

/** RGBA pixels, row by row, with each layer painted over the ones before it by its coverage. */
function render(layers: readonly Layer[], size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          const top = [...layers].reverse().find((layer) => layer.shape(x, y));
          if (top) {
            r += top.colour[0];
            g += top.colour[1];
            b += top.colour[2];
            a += 1;
          }
        }
      }
      const at = (py * size + px) * 4;
      // Colours are averaged over covered samples only, so edges fade in alpha, not towards black.
      pixels[at] = a ? Math.round(r / a) : 0;
      pixels[at + 1] = a ? Math.round(g / a) : 0;
      pixels[at + 2] = a ? Math.round(b / a) : 0;
      pixels[at + 3] = Math.round((a / samples) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGBA PNG; every scanline uses filter 0 (none), which zlib compresses well enough here. */
function encodePng(pixels: Uint8Array, size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows.set(pixels.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

function main(): void {
  const dir = join(__dirname, '..', 'assets');
  mkdirSync(dir, { recursive: true });
  for (const [name, layers] of Object.entries(ICONS)) {
    for (const size of SIZES) {
      const file = join(dir, `${name}-${size}.png`);
      writeFileSync(file, encodePng(render(layers, size), size));
      console.log(file);
    }
  }
}

main();
