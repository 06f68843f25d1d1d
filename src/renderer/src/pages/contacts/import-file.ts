import { maxCsvSize } from '../../../../shared/contacts/types';

export class FileTooLarge extends Error {}

/**
 * A CSV file's text. Excel's "CSV UTF-8" is read as it is (its BOM dropped); a file Excel saved
 * as plain "CSV" on an Arabic Windows is in Windows-1256, which is what bytes that are not
 * valid UTF-8 are taken to be.
 */
export async function readCsvFile(file: File): Promise<string> {
  if (file.size > maxCsvSize) throw new FileTooLarge();
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1256').decode(bytes);
  }
}
