/**
 * RFC 4180 CSV, read leniently and written strictly: quoted fields with "" for a quote,
 * commas and line breaks inside quotes, CRLF, LF or CR between records. Excel in some
 * locales separates with semicolons or tabs, so the separator is taken from the header row.
 */

export class CsvError extends Error {
  constructor(
    readonly reason: 'unterminated_quote',
    /** The record (0-based) where the open quote began. */
    readonly record: number,
  ) {
    super(`Unterminated quoted field in record ${record + 1}`);
  }
}

const bom = '\uFEFF';

/** The separator the first record uses most outside quotes: comma, semicolon or tab. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

/** Every record's fields. A BOM is dropped; a line break at the very end adds no record. */
export function parseCsv(input: string, delimiter = detectDelimiter(input.startsWith(bom) ? input.slice(1) : input)): string[][] {
  const text = input.startsWith(bom) ? input.slice(1) : input;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let fieldStart = true;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
    fieldStart = true;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };

  // Runs of ordinary characters are copied by slices, not one by one: a 5 MB file parses in a blink.
  const special = new RegExp(`[${delimiter === '\t' ? '\\t' : delimiter}\\r\\n"]`, 'g');
  while (i < text.length) {
    if (text[i] === '"' && fieldStart) {
      // A quoted field: runs to the quote not followed by another quote.
      const opened = records.length;
      fieldStart = false;
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) throw new CsvError('unterminated_quote', opened);
        field += text.slice(i, quote);
        i = quote + 1;
        if (text[i] !== '"') break;
        field += '"';
        i++;
      }
      // Anything between the closing quote and the separator is kept, as spreadsheets do.
      continue;
    }
    special.lastIndex = i;
    const next = special.exec(text)?.index ?? text.length;
    if (next > i) {
      field += text.slice(i, next);
      fieldStart = false;
      i = next;
      continue;
    }
    const ch = text[i]!;
    if (ch === delimiter) {
      endField();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      // A quote inside an unquoted field is just a character.
      field += ch;
      fieldStart = false;
      i++;
    }
  }
  if (!fieldStart || record.length > 0) endRecord();
  return records;
}

const needsQuotes = /[",\r\n]|^\s|\s$/;

export function csvField(value: string): string {
  return needsQuotes.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Records joined by CRLF, each field quoted when it must be. */
export function writeCsv(records: readonly (readonly string[])[]): string {
  return records.map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
}
