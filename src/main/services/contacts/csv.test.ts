import { describe, expect, it } from 'vitest';
import { CsvError, detectDelimiter, parseCsv, writeCsv } from './csv';

describe('CSV (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks inside', () => {
    const text = 'name,phone,notes\r\n"الحربي، أحمد",0501234567,"قال: ""أريد فيلا""\r\nفي حطين"\r\nسارة,0559876543,\r\n';
    expect(parseCsv(text)).toEqual([
      ['name', 'phone', 'notes'],
      ['الحربي، أحمد', '0501234567', 'قال: "أريد فيلا"\r\nفي حطين'],
      ['سارة', '0559876543', ''],
    ]);
  });

  it('accepts LF and CR line ends, a BOM, and no line break at the end', () => {
    expect(parseCsv('\uFEFFa,b\nc,d\re,f')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
  });

  it('keeps empty fields, empty quoted fields and a trailing empty field', () => {
    expect(parseCsv('a,,""\n,"",\n')).toEqual([
      ['a', '', ''],
      ['', '', ''],
    ]);
  });

  it('takes the separator from the header row: semicolons and tabs as Excel writes them in some locales', () => {
    expect(detectDelimiter('الاسم;الجوال;"a,b"\n1,2,3,4')).toBe(';');
    expect(parseCsv('name\tphone\nأحمد\t0501234567')).toEqual([
      ['name', 'phone'],
      ['أحمد', '0501234567'],
    ]);
  });

  it('refuses a quote that never closes, naming the record where it opened', () => {
    expect(() => parseCsv('name,phone\nأحمد,0501\n"unclosed,0502\n')).toThrow(CsvError);
    try {
      parseCsv('name,phone\nأحمد,0501\n"unclosed,0502\n');
    } catch (error) {
      expect((error as CsvError).record).toBe(2);
    }
  });

  it('keeps stray quotes inside unquoted fields and text after a closing quote', () => {
    expect(parseCsv('5" pipe,"ab"c\n')).toEqual([['5" pipe', 'abc']]);
  });

  it('writes CRLF records, quoting only fields that need it, and reads back what it wrote', () => {
    const records = [
      ['الاسم', 'الجوال'],
      ['أحمد, الابن', '+966501234567'],
      ['سطر\nوسطر', 'قال "نعم"'],
      [' spaced ', ''],
    ];
    const text = writeCsv(records);
    expect(text).toBe('الاسم,الجوال\r\n"أحمد, الابن",+966501234567\r\n"سطر\nوسطر","قال ""نعم"""\r\n" spaced ",\r\n');
    expect(parseCsv(text)).toEqual(records);
  });
});
