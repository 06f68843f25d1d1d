import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { houseSketchPng, simplePdf } from '../whatsapp/demo/demo-files';
import { contentMatchesType } from './sniff-type';

const hex = (s: string) => Buffer.from(s.replace(/\s/g, ''), 'hex');
const ascii = (s: string) => Buffer.from(s, 'latin1');
const box = (type: string, brand: string) => Buffer.concat([hex('00000018'), ascii(type), ascii(brand), hex('00000000')]);

/** A real first few bytes of each kind of file an office sends or receives. */
const files: [string, Buffer][] = [
  ['image/jpeg', hex('ffd8ffe000104a464946')],
  ['image/png', houseSketchPng(8, 8)],
  ['image/gif', ascii('GIF89a\x01\x00\x01\x00')],
  ['image/webp', Buffer.concat([ascii('RIFF'), hex('24000000'), ascii('WEBPVP8 ')])],
  ['video/mp4', box('ftyp', 'isom')],
  ['video/3gpp', box('ftyp', '3gp4')],
  ['video/quicktime', box('ftyp', 'qt  ')],
  ['audio/mp4', box('ftyp', 'M4A ')],
  ['audio/aac', hex('fff15080')],
  ['audio/ogg; codecs=opus', Buffer.concat([ascii('OggS'), hex('0002'), ascii('OpusHead')])],
  ['audio/mpeg', ascii('ID3\x04\x00')],
  ['audio/mpeg', hex('fffb9064')],
  ['audio/amr', ascii('#!AMR\n')],
  ['application/pdf', simplePdf('عقد')],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', hex('504b030414000600')],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', hex('504b030414000600')],
  ['application/msword', hex('d0cf11e0a1b11ae1')],
  ['application/vnd.ms-excel', hex('d0cf11e0a1b11ae1')],
  ['text/csv', Buffer.from('الاسم,الجوال\r\nسلمان,0501234567\r\n')],
  ['text/csv', Buffer.concat([hex('fffe'), Buffer.from('الاسم,الجوال\r\n', 'utf16le')])],
  ['text/csv', hex('c7e1c7d3e52c')], // Windows-1256 Arabic, as Excel saves it
  ['text/plain', Buffer.from('hello\tworld\n')],
];

describe('checking a file\'s type from its bytes', () => {
  it.each(files)('recognises %s', (mimeType, bytes) => {
    expect(contentMatchesType(bytes, mimeType)).toBe(true);
  });

  it('refuses random bytes declared as any of those types', () => {
    const noise = Buffer.concat([Buffer.from([0x00, 0x01, 0x02, 0x03]), crypto.randomBytes(4092)]);
    for (const [mimeType] of files) expect([mimeType, contentMatchesType(noise, mimeType)]).toEqual([mimeType, false]);
  });

  it('refuses one kind of file declared as another', () => {
    expect(contentMatchesType(simplePdf('x'), 'image/png')).toBe(false);
    expect(contentMatchesType(houseSketchPng(4, 4), 'application/pdf')).toBe(false);
    expect(contentMatchesType(hex('504b030414000600'), 'application/msword')).toBe(false);
    expect(contentMatchesType(hex('fff15080'), 'audio/mpeg')).toBe(false);
    expect(contentMatchesType(houseSketchPng(4, 4), 'text/csv')).toBe(false);
  });

  it('cannot vouch for a type it has no signature for', () => {
    expect(contentMatchesType(Buffer.from('<svg/>'), 'image/svg+xml')).toBeNull();
  });
});
