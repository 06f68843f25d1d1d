import { baseMimeType } from '../../shared/media/rules';

/** How many leading bytes the checks below need (PDF may start its header within the first 1 KB). */
export const sniffBytes = 4096;

type Check = (head: Buffer) => boolean;

const startsWith = (bytes: number[] | string, at = 0): Check => {
  const expected = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
  return (head) => head.length >= at + expected.length && head.subarray(at, at + expected.length).equals(expected);
};
const anyOf = (...checks: Check[]): Check => (head) => checks.some((check) => check(head));

const jpeg = startsWith([0xff, 0xd8, 0xff]);
const png = startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const gif = anyOf(startsWith('GIF87a'), startsWith('GIF89a'));
const webp: Check = (head) => startsWith('RIFF')(head) && startsWith('WEBP', 8)(head);
/** ISO base media (MP4, 3GP, MOV, M4A): a box of type `ftyp` first. */
const isoMedia = startsWith('ftyp', 4);
/** QuickTime files from older phones may open with another top-level atom. */
const quickTime = anyOf(isoMedia, startsWith('moov', 4), startsWith('mdat', 4), startsWith('wide', 4), startsWith('free', 4));
const ogg = startsWith('OggS');
const id3 = startsWith('ID3');
/** An MPEG audio frame: eleven set sync bits, a layer that is not "reserved". */
const mpegFrame: Check = (head) => head.length >= 2 && head[0] === 0xff && (head[1]! & 0xe0) === 0xe0 && (head[1]! & 0x06) !== 0;
/** An AAC ADTS frame: twelve sync bits, layer 00. */
const adts: Check = (head) => head.length >= 2 && head[0] === 0xff && (head[1]! & 0xf6) === 0xf0;
const amr = anyOf(startsWith('#!AMR\n'), startsWith('#!AMR-WB\n'));
const pdf: Check = (head) => head.subarray(0, 1024).includes('%PDF-');
/** docx, xlsx, pptx (and a plain zip) are zip archives: a local file header, or an empty archive's end record. */
const zip = anyOf(startsWith([0x50, 0x4b, 0x03, 0x04]), startsWith([0x50, 0x4b, 0x05, 0x06]));
/** doc, xls, ppt: a Compound File Binary container. */
const cfb = startsWith([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/**
 * Text (and CSV) has no magic number: it is text when it opens with a UTF-16 byte-order mark,
 * or has none of the control bytes that only binary files carry. Not "valid UTF-8": Excel's
 * Arabic CSVs are often Windows-1256.
 */
const text: Check = (head) => {
  if (startsWith([0xff, 0xfe])(head) || startsWith([0xfe, 0xff])(head)) return true;
  for (const byte of head) {
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1a && byte !== 0x1b)) return false;
  }
  return true;
};

/** What the bytes of each declared type must look like. A type not listed cannot be vouched for. */
const signatures: Record<string, Check> = {
  'image/jpeg': jpeg,
  'image/png': png,
  'image/gif': gif,
  'image/webp': webp,
  'video/mp4': isoMedia,
  'video/3gpp': isoMedia,
  'video/quicktime': quickTime,
  'audio/mp4': isoMedia,
  'audio/x-m4a': isoMedia,
  'audio/aac': anyOf(adts, startsWith('ADIF'), isoMedia, id3),
  'audio/ogg': ogg,
  'audio/opus': ogg,
  'audio/mpeg': anyOf(id3, mpegFrame),
  'audio/mp3': anyOf(id3, mpegFrame),
  'audio/amr': amr,
  'application/pdf': pdf,
  'application/zip': zip,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': zip,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': zip,
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': zip,
  'application/msword': cfb,
  'application/vnd.ms-excel': cfb,
  'application/vnd.ms-powerpoint': cfb,
  'text/plain': text,
  'text/csv': text,
};

/**
 * Whether a file's first bytes (`sniffBytes` of them, or all of a shorter file) are what its
 * declared type says: true or false for the types above, null for a type we have no signature for.
 */
export function contentMatchesType(head: Buffer, mimeType: string): boolean | null {
  const check = signatures[baseMimeType(mimeType)];
  return check ? check(head) : null;
}
