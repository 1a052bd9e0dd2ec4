// png.mjs makes a browser's screenshot PNG small enough to commit: it
// decodes the RGB(A) image, reduces it to at most 256 colours (median cut,
// weighted by how often each colour occurs; screenshots of this theme have
// few colours beyond the edges of letters), and writes an 8-bit palette
// PNG at the highest compression. No dependencies: node:zlib only.
import { inflateSync, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

// decode reads an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium
// writes) into {width, height, rgb}, three bytes per pixel.
export function decode(buf) {
  if (!buf.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let pos = 8;
  let width = 0, height = 0, type = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const name = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (name === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const depth = data[8];
      type = data[9];
      if (depth !== 8 || (type !== 2 && type !== 6) || data[12] !== 0) throw new Error(`unsupported PNG: depth ${depth}, colour type ${type}, interlace ${data[12]}`);
    } else if (name === 'IDAT') {
      idat.push(data);
    } else if (name === 'IEND') {
      break;
    }
    pos += 12 + len;
  }
  const bpp = type === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const cur = Buffer.alloc(stride);
  const prev = Buffer.alloc(stride);
  const rgb = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? cur[i - bpp] : 0;
      const b = prev[i];
      const c = i >= bpp ? prev[i - bpp] : 0;
      let v = line[i];
      switch (f) {
        case 1: v += a; break;
        case 2: v += b; break;
        case 3: v += (a + b) >> 1; break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
          v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default:
      }
      cur[i] = v & 255;
    }
    for (let x = 0; x < width; x++) {
      rgb[(y * width + x) * 3] = cur[x * bpp];
      rgb[(y * width + x) * 3 + 1] = cur[x * bpp + 1];
      rgb[(y * width + x) * 3 + 2] = cur[x * bpp + 2];
    }
    cur.copy(prev);
  }
  return { width, height, rgb };
}

// palette chooses up to max colours for the histogram (colour -> count):
// the most frequent exactly, the rest by median cut (split the box with
// the widest channel range, weighted by pixel counts, until there are
// enough boxes; each box's colour is its weighted mean).
function palette(hist, max) {
  const all = [...hist.entries()].map(([c, n]) => ({ r: c >> 16, g: (c >> 8) & 255, b: c & 255, n }));
  if (all.length <= max) return all.map((c) => [c.r, c.g, c.b]);
  // The most frequent colours (backgrounds, text, the theme areas'
  // colours) keep their exact values; median cut shares the other slots
  // among the rest (mostly the edges of letters and shapes).
  all.sort((a, b) => b.n - a.n);
  const exact = all.slice(0, max * 3 / 8).map((c) => [c.r, c.g, c.b]);
  return exact.concat(medianCut(all.slice(max * 3 / 8), max - exact.length));
}

function medianCut(colors, max) {
  if (colors.length <= max) return colors.map((c) => [c.r, c.g, c.b]);
  const range = (box) => {
    let lo = [255, 255, 255], hi = [0, 0, 0];
    for (const c of box) {
      const v = [c.r, c.g, c.b];
      for (let k = 0; k < 3; k++) { lo[k] = Math.min(lo[k], v[k]); hi[k] = Math.max(hi[k], v[k]); }
    }
    const d = [hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]];
    const k = d[0] >= d[1] && d[0] >= d[2] ? 0 : d[1] >= d[2] ? 1 : 2;
    return { k, width: d[k] };
  };
  let boxes = [colors];
  while (boxes.length < max) {
    // Split the box with the most pixels among those that can be split,
    // scaled by its extent, so big flat areas keep exact colours and
    // edges share the rest.
    let best = -1, score = -1;
    for (let i = 0; i < boxes.length; i++) {
      if (boxes[i].length < 2) continue;
      const { width } = range(boxes[i]);
      if (width === 0) continue;
      const n = boxes[i].reduce((s, c) => s + c.n, 0);
      const sc = Math.sqrt(n) * width;
      if (sc > score) { score = sc; best = i; }
    }
    if (best < 0) break;
    const box = boxes[best];
    const { k } = range(box);
    const key = ['r', 'g', 'b'][k];
    box.sort((a, b) => a[key] - b[key]);
    const total = box.reduce((s, c) => s + c.n, 0);
    let acc = 0, cut = 1;
    for (let i = 0; i < box.length - 1; i++) {
      acc += box[i].n;
      if (acc >= total / 2) { cut = i + 1; break; }
    }
    boxes.splice(best, 1, box.slice(0, cut), box.slice(cut));
  }
  return boxes.map((box) => {
    let r = 0, g = 0, b = 0, n = 0;
    for (const c of box) { r += c.r * c.n; g += c.g * c.n; b += c.b * c.n; n += c.n; }
    return [Math.round(r / n), Math.round(g / n), Math.round(b / n)];
  });
}

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(buf) {
  let c = -1;
  for (let i = 0; i < buf.length; i++) c = CRC[(c ^ buf[i]) & 255] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function chunk(name, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(name, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

// shrink returns buf (a PNG) as a palette PNG of at most 256 colours.
export function shrink(buf) {
  const { width, height, rgb } = decode(buf);
  const hist = new Map();
  for (let i = 0; i < rgb.length; i += 3) {
    const c = (rgb[i] << 16) | (rgb[i + 1] << 8) | rgb[i + 2];
    hist.set(c, (hist.get(c) || 0) + 1);
  }
  const pal = palette(hist, 256);
  const nearest = new Map();
  const index = (c) => {
    let i = nearest.get(c);
    if (i !== undefined) return i;
    const r = c >> 16, g = (c >> 8) & 255, b = c & 255;
    let best = 0, dist = Infinity;
    for (let j = 0; j < pal.length; j++) {
      const dr = r - pal[j][0], dg = g - pal[j][1], db = b - pal[j][2];
      const d = 2 * dr * dr + 4 * dg * dg + 3 * db * db;
      if (d < dist) { dist = d; best = j; }
    }
    nearest.set(c, best);
    return best;
  };
  const raw = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[y * (width + 1) + 1 + x] = index((rgb[i] << 16) | (rgb[i + 1] << 8) | rgb[i + 2]);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 3; // palette
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('PLTE', Buffer.from(pal.flat())),
    chunk('IDAT', deflateSync(raw, { level: 9, memLevel: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
