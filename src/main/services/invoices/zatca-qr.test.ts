import { describe, expect, it } from 'vitest';
import { decodeZatcaQr, encodeZatcaQr, qrTimestamp } from './zatca-qr';

describe('the ZATCA phase 1 QR', () => {
  it('is ZATCA’s published example for Bobs Records', () => {
    const qr = encodeZatcaQr({ sellerName: 'Bobs Records', vatNumber: '310122393500003', timestamp: '2022-04-25T15:30:00Z', total: '1000.00', vatTotal: '150.00' });
    expect(qr).toBe('AQxCb2JzIFJlY29yZHMCDzMxMDEyMjM5MzUwMDAwMwMUMjAyMi0wNC0yNVQxNTozMDowMFoEBzEwMDAuMDAFBjE1MC4wMA==');
  });

  it('counts lengths in UTF-8 bytes: an Arabic seller name of 63 letters (126 bytes) comes back whole', () => {
    const name = 'م'.repeat(63);
    const qr = encodeZatcaQr({ sellerName: name, vatNumber: '310122393500003', timestamp: '2022-04-25T15:30:00Z', total: '1150.00', vatTotal: '150.00' });
    expect(Buffer.from(qr, 'base64')[1]).toBe(126);
    expect(decodeZatcaQr(qr)).toEqual({ sellerName: name, vatNumber: '310122393500003', timestamp: '2022-04-25T15:30:00Z', total: '1150.00', vatTotal: '150.00' });
  });

  it('refuses a field a one-byte length cannot hold', () => {
    expect(() => encodeZatcaQr({ sellerName: 'م'.repeat(128), vatNumber: '310122393500003', timestamp: '2022-04-25T15:30:00Z', total: '1.00', vatTotal: '0.00' })).toThrow(/one byte/);
  });

  it('writes the time in UTC with whole seconds and a Z', () => {
    expect(qrTimestamp(Date.UTC(2022, 3, 25, 15, 30, 0, 999))).toBe('2022-04-25T15:30:00Z');
  });
});
