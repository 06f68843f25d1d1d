import { describe, expect, it } from 'vitest';
import { maxCsvSize } from '../../../../shared/contacts/types';
import { followUpState } from './contact-labels';
import { FileTooLarge, checkCsvSize } from './import-file';

describe('follow-up badges', () => {
  it('count days in Riyadh: 22:30 UTC is already tomorrow there', () => {
    const now = new Date(Date.UTC(2026, 10, 25, 22, 30));
    expect(followUpState('2026-11-26', now)).toBe('today');
    expect(followUpState('2026-11-25', now)).toBe('overdue');
    expect(followUpState('2026-11-27', now)).toBe('upcoming');
  });
});

describe('choosing a CSV file', () => {
  it('refuses a file over the size the core takes, before sending any of it', () => {
    expect(() => checkCsvSize(new File([new Uint8Array(maxCsvSize + 1)], 'big.csv'))).toThrow(FileTooLarge);
    expect(() => checkCsvSize(new File([new Uint8Array(maxCsvSize)], 'ok.csv'))).not.toThrow();
  });
});
