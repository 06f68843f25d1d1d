import type { ActivityEntry } from '../../../shared/activity/types';
import { ZoneTime } from '../../calendar/zone-time';
import { csvField } from '../contacts/csv';

/** Seed 000's `Log` fields, then the target's name and the row's hash, in the reader's language. */
export const activityCsvHeaders = {
  ar: ['المعرف', 'الوقت', 'معرف المستخدم', 'المستخدم', 'الإجراء', 'نوع السجل', 'معرف السجل', 'اسم السجل', 'التفاصيل', 'البصمة'],
  en: ['ID', 'Time', 'User ID', 'User', 'Action', 'Record type', 'Record ID', 'Record name', 'Details', 'Hash'],
} as const;

/** Text a spreadsheet would run as a formula (a name someone chose) is written inert. */
const inert = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** 2026-11-25T23:30:00+03:00: the office's wall clock with its offset, never the computer's zone. */
export function officeTime(ms: number, zone: ZoneTime): string {
  const offset = zone.offsetAt(ms);
  const wall = new Date(ms + offset).toISOString().slice(0, 19);
  const minutes = Math.abs(offset) / 60_000;
  const sign = offset < 0 ? '-' : '+';
  return `${wall}${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * CSV lines (CRLF) for a page of entries; the first page leads with a byte-order mark (so
 * spreadsheets read the Arabic as UTF-8) and the header row.
 */
export function activityCsv(entries: readonly (ActivityEntry & { hash: string | null })[], timeZone: string, language: 'ar' | 'en', header: boolean): string {
  const zone = new ZoneTime(timeZone);
  const lines = entries.map((e) =>
    [
      String(e.id),
      officeTime(Date.parse(e.createdAt), zone),
      e.userId === null ? '' : String(e.userId),
      inert(e.userName ?? ''),
      e.action,
      e.entityType ?? '',
      e.entityId === null ? '' : String(e.entityId),
      inert(e.entityName ?? ''),
      e.details ? JSON.stringify(e.details) : '',
      e.hash ?? '',
    ]
      .map(csvField)
      .join(','),
  );
  const head = header ? `\uFEFF${activityCsvHeaders[language].map(csvField).join(',')}\r\n` : '';
  return head + lines.map((line) => `${line}\r\n`).join('');
}
