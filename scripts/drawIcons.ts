// `npm run icons`: draws the Teams app icons into appPackage/ (the generated PNGs are committed).
//   color.png   192×192, full colour: rising steps above an open book on the accent colour.
//   outline.png  32×32, the same shapes in white on a transparent background (Teams requires white + transparent).
// Shapes are polygons in a unit square, filled with 4×4 supersampling so the edges are smooth at both sizes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

type Point = readonly [number, number];
type Polygon = readonly Point[];
type Rgb = readonly [number, number, number];

/** Accent colour of the manifest (Saltire blue) and the step colour. */
export const accent: Rgb = [0x00, 0x5e, 0xb8];
const gold: Rgb = [0xff, 0xc6, 0x29];
const white: Rgb = [0xff, 0xff, 0xff];

const rect = (x0: number, y0: number, x1: number, y1: number): Polygon => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
];

/** Three steps rising to the right: professional learning that builds over a career. */
const steps: Polygon[] = [rect(0.2, 0.46, 0.37, 0.58), rect(0.415, 0.33, 0.585, 0.58), rect(0.63, 0.18, 0.8, 0.58)];

/** An open book: two pages meeting at a spine, slightly tilted up at the outer edges. */
const book: Polygon[] = [
  [
    [0.12, 0.63],
    [0.48, 0.69],
    [0.48, 0.87],
    [0.12, 0.81],
  ],
  [
    [0.52, 0.69],
    [0.88, 0.63],
    [0.88, 0.81],
    [0.52, 0.87],
  ],
];

function inside(polygon: Polygon, x: number, y: number): boolean {
  let result = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) result = !result;
  }
  return result;
}

/** Fraction (0..1) of the pixel at (px, py) that the shapes cover, on a `size`-pixel canvas. */
function coverage(shapes: Polygon[], px: number, py: number, size: number): number {
  const samples = 4;
  let hits = 0;
  for (let sy = 0; sy < samples; sy++) {
    for (let sx = 0; sx < samples; sx++) {
      const x = (px + (sx + 0.5) / samples) / size;
      const y = (py + (sy + 0.5) / samples) / size;
      if (shapes.some((shape) => inside(shape, x, y))) hits++;
    }
  }
  return hits / (samples * samples);
}

interface Layer {
  shapes: Polygon[];
  colour: Rgb;
}

function draw(size: number, background: Rgb | null, layers: Layer[]): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let [r, g, b] = background ?? white;
      let alpha = background ? 1 : 0;
      for (const layer of layers) {
        const c = coverage(layer.shapes, x, y, size);
        if (c === 0) continue;
        if (background) {
          r = r * (1 - c) + layer.colour[0] * c;
          g = g * (1 - c) + layer.colour[1] * c;
          b = b * (1 - c) + layer.colour[2] * c;
        } else {
          // On a transparent canvas every layer is white; coverage becomes opacity.
          [r, g, b] = layer.colour;
          alpha = Math.max(alpha, c);
        }
      }
      const i = (y * size + x) * 4;
      png.data[i] = Math.round(r);
      png.data[i + 1] = Math.round(g);
      png.data[i + 2] = Math.round(b);
      png.data[i + 3] = Math.round(alpha * 255);
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

export function drawColorIcon(): Buffer {
  return draw(192, accent, [
    { shapes: steps, colour: gold },
    { shapes: book, colour: white },
  ]);
}

export function drawOutlineIcon(): Buffer {
  return draw(32, null, [{ shapes: [...steps, ...book], colour: white }]);
}

if (require.main === module) {
  const dir = join(__dirname, '..', 'appPackage');
  writeFileSync(join(dir, 'color.png'), drawColorIcon());
  writeFileSync(join(dir, 'outline.png'), drawOutlineIcon());
  console.log(`Wrote ${join(dir, 'color.png')} (192×192) and ${join(dir, 'outline.png')} (32×32).`);
}
