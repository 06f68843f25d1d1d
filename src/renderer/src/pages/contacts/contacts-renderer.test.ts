import { describe, expect, it } from 'vitest';
import { maxCsvSize } from '../../../../shared/contacts/types';
import { followUpState } from './contact-labels';
import { FileTooLarge, readCsvFile } from './import-file';

describe('follow-up badges', () => {
  it('count days in Riyadh: 22:30 UTC is already tomorrow there', () => {
    const now = new Date(Date.UTC(2026, 10, 25, 22, 30));
    expect(followUpState('2026-11-26', now)).toBe('today');
    expect(followUpState('2026-11-25', now)).toBe('overdue');
    expect(followUpState('2026-11-27', now)).toBe('upcoming');
  });
});

describe('reading a CSV file', () => {
  it('reads UTF-8 (dropping the BOM) and falls back to Windows-1256, as Excel saves plain CSV on Arabic Windows', async () => {
    const utf8 = new File([new Uint8Array([0xef, 0xbb, 0xbf]), 'الاسم,الجوال\n'], 'a.csv');
    expect(await readCsvFile(utf8)).toBe('الاسم,الجوال\n');
    // "الاسم" in Windows-1256.
    const ansi = new File([new Uint8Array([0xc7, 0xe1, 0xc7, 0xd3, 0xe3, 0x2c, 0x31])], 'b.csv');
    expect(await readCsvFile(ansi)).toBe('الاسم,1');
  });

  it('refuses a file over the size the core takes, before reading it', async () => {
    const big = new File([new Uint8Array(maxCsvSize + 1)], 'big.csv');
    await expect(readCsvFile(big)).rejects.toBeInstanceOf(FileTooLarge);
  });
});
