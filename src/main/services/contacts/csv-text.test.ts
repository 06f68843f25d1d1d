import { describe, expect, it } from 'vitest';
import { decodeCsv } from './csv-text';

const text = 'الاسم,الجوال\r\nسلمان,0501234567\r\n';

describe('reading a CSV file saved by a spreadsheet', () => {
  it('reads UTF-8 with or without a BOM', () => {
    expect(decodeCsv(Buffer.from(text))).toBe(text);
    expect(decodeCsv(Buffer.from(`\uFEFF${text}`))).toBe(text);
  });

  it('reads UTF-16 with its BOM, either byte order', () => {
    expect(decodeCsv(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toBe(text);
    const be = Buffer.from(text, 'utf16le').swap16();
    expect(decodeCsv(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe(text);
  });

  it('reads an Arabic Excel CSV in Windows-1256', () => {
    // "سلمان" in Windows-1256
    expect(decodeCsv(Buffer.from([0xd3, 0xe1, 0xe3, 0xc7, 0xe4, 0x2c, 0x31]))).toBe('سلمان,1');
  });
});
