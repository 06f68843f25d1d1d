import zlib from 'node:zlib';

/**
 * Files the simulated customers send: made here, byte by byte, so the demo carries no binary
 * assets and every one is a real file a browser can show (a PNG) or open (a PDF).
 */
export interface DemoFile {
  mimetype: string;
  filename: string | null;
  data: Buffer;
}

export type DemoFileKind = 'apartment-photo' | 'salary-letter';

export function demoFile(kind: DemoFileKind): DemoFile {
  switch (kind) {
    case 'apartment-photo':
      return { mimetype: 'image/png', filename: null, data: houseSketchPng(360, 240) };
    case 'salary-letter':
      return { mimetype: 'application/pdf', filename: 'salary-certificate.pdf', data: simplePdf('Salary certificate - Meras demo') };
  }
}

/** A small picture of a house under a sky: sky gradient, ground, walls, roof, a door and windows. */
export function houseSketchPng(width: number, height: number): Buffer {
  const pixels = Buffer.alloc(width * height * 3);
  const horizon = Math.round(height * 0.72);
  const wall = { left: Math.round(width * 0.3), right: Math.round(width * 0.7), top: Math.round(height * 0.42) };
  const roofPeak = Math.round(height * 0.2);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let rgb: [number, number, number];
      if (y >= horizon) rgb = [196, 164, 112];
      else rgb = [120 + Math.round((y / horizon) * 90), 180 + Math.round((y / horizon) * 50), 235];
      const inWall = x >= wall.left && x < wall.right && y >= wall.top && y < horizon;
      const halfWidth = ((wall.right - wall.left) / 2 + 14) * ((y - roofPeak) / (wall.top - roofPeak));
      const middle = (wall.left + wall.right) / 2;
      const inRoof = y >= roofPeak && y < wall.top && Math.abs(x - middle) <= halfWidth;
      if (inRoof) rgb = [150, 70, 50];
      if (inWall) rgb = [238, 226, 200];
      const doorLeft = middle - 16;
      if (inWall && x >= doorLeft && x < doorLeft + 32 && y >= horizon - 56) rgb = [110, 75, 45];
      const windowTop = wall.top + 18;
      const inWindow = (left: number) => inWall && x >= left && x < left + 30 && y >= windowTop && y < windowTop + 26;
      if (inWindow(wall.left + 16) || inWindow(wall.right - 46)) rgb = [90, 150, 200];
      pixels.set(rgb, (y * width + x) * 3);
    }
  }
  return encodePng(width, height, pixels);
}

function encodePng(width: number, height: number, rgb: Buffer): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) rgb.copy(raw, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A one-page PDF with one line of text, with a correct cross-reference table. */
export function simplePdf(text: string): Buffer {
  const safe = text.replace(/[()\\]/g, '');
  const stream = `BT /F1 18 Tf 60 760 Td (${safe}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
