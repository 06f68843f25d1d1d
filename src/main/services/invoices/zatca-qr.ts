/**
 * ZATCA phase 1 QR: base64 of five TLV fields — 1 seller name, 2 VAT number, 3 issue time
 * (ISO 8601 UTC with seconds and Z), 4 total with VAT, 5 VAT total (amounts as "1000.00").
 * Each field is one tag byte, one length byte (its UTF-8 bytes) and the value, so no value may
 * pass 255 bytes; the seller's name is held to 127 bytes when typed in settings.
 */
export interface QrFields {
  sellerName: string;
  vatNumber: string;
  /** "2022-04-25T15:30:00Z". */
  timestamp: string;
  total: string;
  vatTotal: string;
}

const order: (keyof QrFields)[] = ['sellerName', 'vatNumber', 'timestamp', 'total', 'vatTotal'];

export function encodeZatcaQr(fields: QrFields): string {
  const parts: Buffer[] = [];
  order.forEach((key, index) => {
    const value = Buffer.from(fields[key], 'utf8');
    if (value.length > 255) throw new Error(`QR field ${key} is ${value.length} bytes; a TLV length is one byte`);
    parts.push(Buffer.from([index + 1, value.length]), value);
  });
  return Buffer.concat(parts).toString('base64');
}

/** The five fields back from a QR payload (for tests and for reading a printed QR). */
export function decodeZatcaQr(base64: string): QrFields {
  const bytes = Buffer.from(base64, 'base64');
  const values = new Map<number, string>();
  for (let at = 0; at < bytes.length; ) {
    const tag = bytes[at]!;
    const length = bytes[at + 1]!;
    values.set(tag, bytes.subarray(at + 2, at + 2 + length).toString('utf8'));
    at += 2 + length;
  }
  const field = (tag: number) => values.get(tag) ?? '';
  return { sellerName: field(1), vatNumber: field(2), timestamp: field(3), total: field(4), vatTotal: field(5) };
}

/** An instant as the QR writes it: UTC, whole seconds, Z. */
export function qrTimestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
