import type { IncomingMessage } from 'node:http';
import { maxMediaBytes } from '../../shared/media/rules';
import { failure } from './envelope';

/** Seed 003 bodies are small: 1 MB of JSON is far beyond any real request. */
export const maxJsonBytes = 1024 * 1024;
/** A multipart send carries one file within seed 003's limits, plus its caption and the form's framing. */
export const maxMultipartBytes = maxMediaBytes + 1024 * 1024;

export type Body = { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'multipart'; form: FormData };

/**
 * Reads a request's body, refusing before reading when the declared length is over the cap
 * and stopping as soon as the bytes pass it (413). A client that sends too slowly is cut off by
 * the caller's deadline (see `api-handler.ts`), so a half-open connection holds nothing.
 */
export async function readBody(req: IncomingMessage, allowMultipart: boolean): Promise<Body> {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  const declared = Number(req.headers['content-length'] ?? 0);
  const hasBody = declared > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody) return { kind: 'none' };
  const isJson = type.startsWith('application/json');
  const isMultipart = allowMultipart && type.startsWith('multipart/form-data');
  if (!isJson && !isMultipart) {
    req.resume();
    throw failure(415, 'VALIDATION_ERROR', 'unsupported_content_type', { message: allowMultipart ? 'Send application/json or multipart/form-data' : 'Send application/json' });
  }
  const cap = isJson ? maxJsonBytes : maxMultipartBytes;
  if (declared > cap) {
    req.resume();
    throw tooLarge(cap);
  }
  const bytes = await collect(req, cap);
  if (isJson) {
    try {
      return { kind: 'json', value: JSON.parse(bytes.toString('utf8')) as unknown };
    } catch {
      throw failure(400, 'VALIDATION_ERROR', [{ field: 'body', code: 'invalid', message: 'The body is not valid JSON' }]);
    }
  }
  try {
    // Node's own fetch parses multipart (undici): no parser of ours to get wrong.
    const form = await new Request('http://api.local/', { method: 'POST', headers: { 'content-type': type }, body: new Uint8Array(bytes) }).formData();
    return { kind: 'multipart', form };
  } catch {
    throw failure(400, 'VALIDATION_ERROR', [{ field: 'body', code: 'invalid', message: 'The multipart body could not be read' }]);
  }
}

const tooLarge = (cap: number) =>
  failure(413, 'VALIDATION_ERROR', [{ field: 'body', code: 'too_long', message: `The body is over ${cap} bytes`, params: { max: cap } }], { message: 'Payload too large' });

/** The raw bytes of a body, refused (413) once past `cap`. */
export function collect(req: IncomingMessage, cap: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > cap) {
        done = true;
        chunks.length = 0;
        req.resume();
        reject(tooLarge(cap));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      if (done) return;
      done = true;
      reject(error);
    });
    req.on('close', () => {
      if (done) return;
      done = true;
      reject(failure(400, 'VALIDATION_ERROR', [{ field: 'body', code: 'invalid', message: 'The body ended early' }]));
    });
  });
}
