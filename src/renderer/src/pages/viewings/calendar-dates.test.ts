import { describe, expect, it } from 'vitest';
import { addDays, addMonths, clockText, formatMonth, formatOfficeDate, officeClock, weekdayName } from './calendar-dates';

describe('calendar dates', () => {
  it('shows the Hijri (Umm al-Qura) date beside the Gregorian, in Arabic and English, or either alone', () => {
    expect(formatOfficeDate('2026-11-26', 'ar').text).toBe('الخميس، 26 نوفمبر 2026 · 16 جمادى الآخرة 1448 هـ');
    expect(formatOfficeDate('2026-11-26', 'en').hijri).toBe('16 Jumada II 1448 AH');
    expect(formatOfficeDate('2026-11-26', 'en', 'gregorian').text).toBe('Thursday, 26 November 2026');
    expect(formatOfficeDate('2026-11-26', 'ar', 'hijri').text).toBe('16 جمادى الآخرة 1448 هـ');
  });

  it('moves by days and months as the calendar does, whatever the computer’s zone', () => {
    expect(addDays('2026-11-29', 7)).toBe('2026-12-06');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(weekdayName(0, 'en', 'long')).toBe('Sunday');
    expect(weekdayName(5, 'ar', 'long')).toBe('الجمعة');
    expect(clockText(1500)).toBe('01:00');
  });

  it('reads an instant’s time in the office’s zone, not the browser’s', () => {
    expect(officeClock('2026-11-26T07:00:00.000Z', 'Asia/Riyadh')).toBe('10:00');
    expect(officeClock('2026-07-01T08:00:00.000Z', 'Europe/London')).toBe('09:00');
  });

  describe('month heading', () => {
    it('names both Hijri months a Gregorian month spans, with the year once', () => {
      expect(formatMonth('2026-11-17', 'ar', 'both')).toBe('نوفمبر 2026 · جمادى الأولى – جمادى الآخرة 1448 هـ');
      expect(formatMonth('2026-11-17', 'ar', 'hijri')).toBe('جمادى الأولى – جمادى الآخرة 1448 هـ');
      expect(formatMonth('2026-11-01', 'en', 'both')).toMatch(/^November 2026 · Jumada I – Jumada II 1448 AH$/);
    });

    it('writes both Hijri years when the Hijri year turns within the month', () => {
      expect(formatMonth('2026-06-10', 'ar', 'hijri')).toBe('ذو الحجة 1447 هـ – محرم 1448 هـ');
    });

    it('leaves the Hijri months out when the office shows Gregorian only', () => {
      expect(formatMonth('2026-11-17', 'ar', 'gregorian')).toBe('نوفمبر 2026');
    });
  });
});
