import { maxCsvSize } from '../../../../shared/contacts/types';

export class FileTooLarge extends Error {}

/**
 * Refuses a file over the size the core imports before a byte is sent. The file then goes up
 * in pieces like any upload (no message carries more than one piece) and the core decodes it:
 * Excel's "CSV UTF-8", "Unicode Text" (UTF-16) and an Arabic Windows' plain CSV (Windows-1256).
 */
export function checkCsvSize(file: Blob): void {
  if (file.size > maxCsvSize) throw new FileTooLarge();
}

/** A CSV is uploaded as text/csv whatever the system calls it (Windows says application/vnd.ms-excel). */
export const csvMimeType = 'text/csv';
