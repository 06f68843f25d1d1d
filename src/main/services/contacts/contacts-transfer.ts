import type { z } from 'zod';
import { maxCsvSize, maxReportedProblems, maxTags, normalizeTags, previewRowCount, type ImportMapping, type ImportPreview, type ImportProblem, type ImportResult } from '../../../shared/contacts/types';
import type { FieldError } from '../../../shared/errors';
import { baseMimeType } from '../../../shared/media/rules';
import type { exportInput, importInput, importPreviewInput } from '../../../shared/contacts/schemas';
import type { Audience } from '../../events/event-bus';
import { AppError, fieldError } from '../../rpc/app-error';
import type { Caller } from '../auth/auth-service';
import type { ContactScope } from './contact-access';
import { guessMapping, readRow, type ContactValues, type ReadRow } from './contact-columns';
import { contactFilterSql } from './contact-filter';
import { contactColumns, dayToMs, msToDay, parseTags, preferenceColumns, preferenceValues, toPreferences, type ContactRow } from './contact-records';
import { noPreferences } from '../../../shared/contacts/preferences';
import { preferenceCells, preferenceHeaders } from './preference-cells';
import type { ContactsDeps } from './contacts-service';
import { CsvError, parseCsv, writeCsv } from './csv';
import { decodeCsv } from './csv-text';

/** A file bigger than this is split into several imports. */
export const maxImportRows = 50_000;
/** Rows checked between two yields to the event loop (other windows keep being answered). */
const chunkRows = 500;

interface ParsedFile {
  columns: string[];
  rows: { row: number; cells: string[] }[];
}

interface ExistingRow {
  id: number;
  name: string | null;
  email: string | null;
  tags: string;
  follow_up_date: number | null;
  pref_budget_min: number | null;
  pref_budget_max: number | null;
  pref_city: string | null;
  pref_districts: string | null;
  pref_property_types: string | null;
  pref_bedrooms: number | null;
}

interface Checked {
  /** Rows that can be written, at most one per phone. */
  ready: ReadRow[];
  /** Invalid rows and repeats within the file, in row order. */
  errors: ImportProblem[];
  invalidRows: number;
}

const exportHeaders = {
  ar: ['الاسم', 'الجوال', 'البريد الإلكتروني', 'الوسوم', 'تاريخ المتابعة', ...preferenceHeaders.ar],
  en: ['Name', 'Phone', 'Email', 'Tags', 'Follow-up date', ...preferenceHeaders.en],
} as const;

/** Text a spreadsheet would run as a formula (a customer chooses their own WhatsApp name) is written inert. */
const guardFormula = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
/**
 * A phone leads with a left-to-right mark: Excel keeps "+9665…" as text instead of turning it
 * into a number (and losing the plus), and it reads left to right in an Arabic sheet. Imports drop it.
 */
const phoneCell = (phone: string | null) => (phone ? `\u200E${phone}` : '');

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** CSV import (preview, then all-or-nothing) and export for the contacts service. */
export class ContactsTransfer {
  private readonly q;

  constructor(private readonly deps: ContactsDeps) {
    const { sqlite } = deps;
    this.q = {
      byPhone: sqlite.prepare<[string], ExistingRow>(`select id, name, email, tags, follow_up_date, ${preferenceColumns.join(', ')} from contacts where phone = ?`),
      setPreferences: sqlite.prepare<[...(string | number | null)[], number]>(`update contacts set ${preferenceColumns.map((c) => `${c} = ?`).join(', ')} where id = ?`),
      insert: sqlite.prepare<[string, string | null, string | null, string, number | null, number, number]>(
        'insert into contacts (phone, name, email, tags, follow_up_date, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)',
      ),
      update: sqlite.prepare<[string | null, string | null, string, number | null, number, number]>(
        'update contacts set name = ?, email = ?, tags = ?, follow_up_date = ?, updated_at = ? where id = ?',
      ),
      reindex: sqlite.prepare<[number]>("insert into search_queue (kind, row_id) values ('c', ?)"),
    };
  }

  /** Reads and checks the whole file, storing nothing. */
  async preview(caller: Caller, input: z.output<typeof importPreviewInput>): Promise<ImportPreview> {
    const file = readFile(this.csvText(caller, input.uploadId));
    const mapping = input.mapping ? checkMapping(input.mapping, file.columns.length) : guessMapping(file.columns);
    const problems: ImportProblem[] = [];
    const counts = { new: 0, existing: 0, invalid: 0 };
    if (mapping.phone != null) {
      const checked = await this.check(file, mapping);
      counts.invalid = checked.invalidRows;
      for (const row of checked.ready) {
        if (this.q.byPhone.get(row.values.phone!)) {
          counts.existing++;
          problems.push({ row: row.row, field: 'phone', code: 'duplicate_existing' });
        } else counts.new++;
      }
      problems.push(...checked.errors);
      problems.sort((a, b) => a.row - b.row);
    }
    return {
      columns: file.columns,
      mapping,
      rows: file.rows.slice(0, previewRowCount),
      totalRows: file.rows.length,
      problems: problems.slice(0, maxReportedProblems),
      problemCount: problems.length,
      counts,
    };
  }

  /**
   * Checks every row in chunks, telling the caller's window how far it got, then writes in one
   * transaction: a failure part way leaves the contacts exactly as they were.
   */
  async import(caller: Caller, input: z.output<typeof importInput>): Promise<ImportResult> {
    const file = readFile(this.csvText(caller, input.uploadId));
    const mapping = checkMapping(input.mapping, file.columns.length);
    if (mapping.phone == null) throw fieldError('mapping.phone', 'required', 'Choose the column that holds the phone');
    const audience: Audience = { kind: 'sessions', sessionIds: [caller.session.sessionId] };
    const total = file.rows.length;
    const checked = await this.check(file, mapping, (done) => this.deps.bus.publish('contacts.import.progress', { done, total }, audience));

    const now = this.deps.clock.now();
    const result = this.deps.sqlite.transaction(() => {
      const counts = { created: 0, updated: 0, skipped: 0 };
      for (const { values } of checked.ready) {
        const existing = this.q.byPhone.get(values.phone!);
        if (!existing) {
          const info = this.q.insert.run(values.phone!, values.name, values.email, JSON.stringify(values.tags), values.followUpDate ? dayToMs(values.followUpDate) : null, now, now);
          if (Object.keys(values.preferences).length > 0) this.q.setPreferences.run(...preferenceValues({ ...noPreferences, ...values.preferences }), Number(info.lastInsertRowid));
          counts.created++;
        } else if (input.onDuplicate === 'update') {
          this.merge(existing, values, now);
          counts.updated++;
        } else counts.skipped++;
      }
      return counts;
    })();

    this.deps.activity.record({
      userId: caller.user.id,
      action: 'contact.imported',
      entityType: 'contact',
      details: { ...result, errors: checked.errors.length, rows: total, onDuplicate: input.onDuplicate },
    });
    this.deps.forgetUpload(input.uploadId);
    // Names no customer: each open contacts list reloads through its own scoped call.
    if (result.created + result.updated > 0) this.deps.bus.publish('contact.changed', { contactId: null }, { kind: 'all' });
    return { ...result, errors: checked.errors };
  }

  /** The contacts the list shows with these filters, by name, as a CSV Excel opens in Arabic. */
  export(caller: Caller, input: z.output<typeof exportInput>, todayMs: number, scope: ContactScope | null): { csv: string } {
    const { where, params } = contactFilterSql(input, todayMs, scope, 'set');
    const rows = this.deps.sqlite
      .prepare<[Record<string, string | number>], ContactRow>(
        `select ${contactColumns} from contacts c where ${where.join(' and ') || '1'} order by c.name is null, c.name, c.id`,
      )
      .all(params);
    const records: string[][] = [[...exportHeaders[caller.user.language]]];
    for (const row of rows) {
      records.push([
        guardFormula(row.name ?? ''),
        phoneCell(row.phone),
        guardFormula(row.email ?? ''),
        guardFormula(parseTags(row.tags).join(', ')),
        row.follow_up_date === null ? '' : msToDay(row.follow_up_date),
        ...preferenceCells(toPreferences(row), caller.user.language).map(guardFormula),
      ]);
    }
    return { csv: `\uFEFF${writeCsv(records)}` };
  }

  /** The text of the caller's uploaded CSV, within the size one import may have. */
  private csvText(caller: Caller, uploadId: string): string {
    const { bytes, mimeType } = this.deps.readUpload(caller.user.id, uploadId);
    if (baseMimeType(mimeType) !== 'text/csv' && baseMimeType(mimeType) !== 'text/plain') {
      throw new AppError('VALIDATION_ERROR', [{ field: 'file', code: 'media_type_not_allowed', message: 'Contacts are imported from a CSV file', params: { mimeType } }]);
    }
    if (bytes.length > maxCsvSize) {
      throw new AppError('VALIDATION_ERROR', [
        { field: 'file', code: 'media_too_large', message: `A contacts file can be at most ${maxCsvSize / (1024 * 1024)} MB`, params: { type: 'document', maxMb: maxCsvSize / (1024 * 1024) } },
      ]);
    }
    return decodeCsv(bytes);
  }

  /** Each row read through the mapping; the first row with a phone keeps it, later ones are repeats. */
  private async check(file: ParsedFile, mapping: ImportMapping, progress?: (done: number) => void): Promise<Checked> {
    const ready: ReadRow[] = [];
    const errors: ImportProblem[] = [];
    const seen = new Set<string>();
    let invalidRows = 0;
    for (let start = 0; start < file.rows.length; start += chunkRows) {
      for (const { row, cells } of file.rows.slice(start, start + chunkRows)) {
        const read = readRow(row, cells, mapping);
        if (read.problems.length > 0) {
          errors.push(...read.problems);
          invalidRows++;
        } else if (seen.has(read.values.phone!)) {
          errors.push({ row, field: 'phone', code: 'duplicate_in_file' });
          invalidRows++;
        } else {
          seen.add(read.values.phone!);
          ready.push(read);
        }
      }
      progress?.(Math.min(start + chunkRows, file.rows.length));
      await yieldToEventLoop();
    }
    return { ready, errors, invalidRows };
  }

  /** An existing contact takes the file's values where the file has them; tags are added to. */
  private merge(existing: ExistingRow, values: ContactValues, now: number): void {
    const tags = normalizeTags([...parseTags(existing.tags), ...values.tags]).slice(0, maxTags);
    const email = values.email ?? existing.email;
    this.q.update.run(values.name ?? existing.name, email, JSON.stringify(tags), values.followUpDate ? dayToMs(values.followUpDate) : existing.follow_up_date, now, existing.id);
    if (Object.keys(values.preferences).length > 0) this.q.setPreferences.run(...preferenceValues({ ...toPreferences(existing), ...values.preferences }), existing.id);
    if (email !== existing.email) this.q.reindex.run(existing.id);
  }
}

function csvError(code: FieldError['code'], message: string, params?: FieldError['params']): AppError {
  return new AppError('VALIDATION_ERROR', [{ field: 'csv', code, message, ...(params ? { params } : {}) }]);
}

/** The header row and the data rows (blank lines left out), or a field error on `csv`. */
function readFile(text: string): ParsedFile {
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) throw csvError('csv_malformed', error.message, { row: error.record + 1 });
    throw error;
  }
  const header = records[0] ?? [];
  const rows: ParsedFile['rows'] = [];
  let width = header.length;
  records.forEach((cells, index) => {
    if (index === 0 || cells.every((c) => c.trim() === '')) return;
    width = Math.max(width, cells.length);
    rows.push({ row: index + 1, cells });
  });
  if (rows.length === 0) throw csvError('csv_empty', 'The file has no rows after its header');
  if (rows.length > maxImportRows) throw csvError('csv_too_many_rows', `At most ${maxImportRows} rows per file`, { max: maxImportRows });
  if (width > 500) throw csvError('csv_malformed', 'Too many columns', { row: 1 });
  const pad = (cells: string[]) => (cells.length < width ? [...cells, ...Array<string>(width - cells.length).fill('')] : cells);
  return { columns: pad(header.map((c) => c.trim())), rows: rows.map((r) => ({ row: r.row, cells: pad(r.cells) })) };
}

function checkMapping(mapping: ImportMapping, width: number): ImportMapping {
  for (const [field, column] of Object.entries(mapping)) {
    if (column != null && column >= width) throw fieldError(`mapping.${field}`, 'invalid', 'No such column in the file');
  }
  return mapping;
}
