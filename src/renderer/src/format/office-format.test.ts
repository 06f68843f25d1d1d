import { afterEach, describe, expect, it } from 'vitest';
import { initialOfficeDisplay, useOfficeDisplayStore } from '../stores/office-display-store';
import { formatDateTime, formatListTime, officeDay } from './dates';
import { officeFormat, type FormatPrefs } from './office-format';

const riyadh: FormatPrefs = { timeZone: 'Asia/Riyadh', digits: 'latn', calendar: 'gregory' };
const latinDigits = /[0-9]/;
const arabicIndicDigits = /[٠-٩]/;

afterEach(() => useOfficeDisplayStore.getState().reset());

// Run also as `TZ=America/New_York npx vitest run <this file>`: nothing here may depend on the process's zone.
describe('dates the renderer shows, in the office’s zone whatever the computer’s', () => {
  it('writes a moment in the office’s zone: 22:30 UTC is 01:30 the next day in Riyadh', () => {
    const en = officeFormat('en', riyadh);
    expect(en.formatTime('2026-03-01T22:30:00Z')).toBe('01:30');
    expect(en.officeDay('2026-03-01T22:30:00Z')).toBe('2026-03-02');
    expect(en.formatDate('2026-03-01T22:30:00Z')).toBe('2 Mar 2026');
  });

  it('keeps local hours across summer time in a zone that has it', () => {
    const london = officeFormat('en', { ...riyadh, timeZone: 'Europe/London' });
    expect(london.formatTime('2026-07-01T08:30:00Z')).toBe('09:30');
    expect(london.formatTime('2026-01-15T08:30:00Z')).toBe('08:30');
  });

  it('writes a calendar day as that day in every zone, even fourteen hours from UTC', () => {
    for (const timeZone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Riyadh']) {
      expect(officeFormat('en', { ...riyadh, timeZone }).formatDay('2026-03-01')).toBe('1 Mar 2026');
    }
  });

  it('uses Arabic-Indic digits when the office chose them, for times, dates and numbers', () => {
    const ar = officeFormat('ar', { ...riyadh, digits: 'arab' });
    const time = ar.formatTime('2026-03-01T22:30:00Z');
    expect(time).toMatch(/١:٣٠/);
    expect(time).not.toMatch(latinDigits);
    expect(ar.formatNumber(1500000)).toBe('١٬٥٠٠٬٠٠٠');
    expect(officeFormat('ar', riyadh).formatTime('2026-03-01T22:30:00Z')).toMatch(/1:30/);
  });

  it('shows Hijri (Umm al-Qura) dates, or Hijri beside Gregorian', () => {
    const hijri = officeFormat('ar', { ...riyadh, calendar: 'islamic-umalqura', digits: 'arab' }).formatDate('2026-06-15T10:00:00Z');
    expect(hijri).toContain('ذو الحجة');
    expect(hijri).toContain('١٤٤٧');
    expect(hijri).not.toContain('٢٠٢٦');
    const both = officeFormat('en', { ...riyadh, calendar: 'both' }).formatDate('2026-06-15T10:00:00Z');
    expect(both).toContain('15 Jun 2026');
    expect(both).toContain('1447');
    // Gregorian alone, spelt out: an ar-SA locale must not slip into Hijri by the ICU's default.
    expect(officeFormat('ar', riyadh).formatDate('2026-06-15T10:00:00Z')).toContain('2026');
  });

  it('follows the office’s settings in the older helpers once the core has told the window', () => {
    expect(officeDay('2026-03-01T22:30:00Z')).toBe('2026-03-02');
    useOfficeDisplayStore.getState().set({ ...initialOfficeDisplay, timeZone: 'America/Los_Angeles', digits: 'arab', calendar: 'both' });
    expect(officeDay('2026-03-01T22:30:00Z')).toBe('2026-03-01');
    const shown = formatDateTime('2026-03-01T22:30:00Z', 'ar');
    expect(shown).toMatch(arabicIndicDigits);
    expect(shown).not.toMatch(latinDigits);
    expect(shown).toContain('١٤٤٧');
    expect(formatListTime('2026-03-01T22:30:00Z', 'en', new Date('2026-03-01T23:00:00Z'))).toBe('١٤:٣٠');
  });
});
