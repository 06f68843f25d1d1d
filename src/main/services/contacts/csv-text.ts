/**
 * A CSV file's bytes as text, in the encodings an office's spreadsheets save: UTF-8 (Excel's
 * "CSV UTF-8", with or without its BOM), UTF-16 with a BOM ("Unicode Text"), and otherwise
 * Windows-1256, what Excel's plain "CSV" is on an Arabic Windows. A BOM is dropped.
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    // TextDecoder drops a UTF-8 BOM by itself.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1256').decode(bytes);
  }
}
