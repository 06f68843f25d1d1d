import crypto from 'node:crypto';
import fs from 'node:fs';
import type { AttachmentType } from '../../shared/domain';
import { baseMimeType, cleanFileName, mediaRefusal, sendableMediaType } from '../../shared/media/rules';
import type { Clock } from '../base/clock';
import { privateFileMode } from '../base/private-files';
import { AppError } from '../rpc/app-error';
import type { MediaStore } from './media-store';
import { contentMatchesType, sniffBytes } from './sniff-type';

/** Pieces small enough for one WebSocket frame or IPC message once base64-encoded. */
export const uploadChunkBytes = 2 * 1024 * 1024;
/** An upload nobody touched for this long is dropped with its temporary file. */
const idleMs = 15 * 60_000;

export interface FinishedUpload {
  sha256: string;
  size: number;
  mimeType: string;
  name: string;
  type: AttachmentType;
}

interface Upload {
  ownerId: number;
  name: string;
  mimeType: string;
  type: AttachmentType;
  size: number;
  received: number;
  tempFile: string;
  hash: crypto.Hash;
  touchedAt: number;
  finished: FinishedUpload | null;
}

/**
 * Files an agent sends arrive in pieces over the same contract as everything else (IPC or
 * WebSocket: the renderer does not know which), checked against seed 003's types and sizes
 * before the first byte is kept and again when the last arrives. A finished upload is a
 * file in the media store that the same user may then attach to a message.
 */
export class Uploads {
  private readonly uploads = new Map<string, Upload>();

  constructor(
    private readonly store: MediaStore,
    private readonly clock: Clock,
  ) {}

  start(ownerId: number, input: { name: string; mimeType: string; size: number }): { uploadId: string; chunkBytes: number } {
    this.sweep();
    const mimeType = baseMimeType(input.mimeType);
    const refusal = mediaRefusal(mimeType, input.size);
    if (refusal) throw refusalError(refusal, mimeType);
    const uploadId = crypto.randomUUID();
    const tempFile = this.store.tempPath();
    fs.writeFileSync(tempFile, '', { mode: privateFileMode });
    this.uploads.set(uploadId, {
      ownerId,
      name: cleanFileName(input.name, 'file'),
      mimeType,
      type: sendableMediaType(mimeType)!,
      size: input.size,
      received: 0,
      tempFile,
      hash: crypto.createHash('sha256'),
      touchedAt: this.clock.now(),
      finished: null,
    });
    return { uploadId, chunkBytes: uploadChunkBytes };
  }

  /** Appends the next piece; pieces come in order (`offset` is where this one starts). */
  append(ownerId: number, input: { uploadId: string; offset: number; data: string }): { received: number } {
    const upload = this.owned(ownerId, input.uploadId);
    if (upload.finished) throw new AppError('UNPROCESSABLE_ENTITY', 'upload_finished');
    const bytes = Buffer.from(input.data, 'base64');
    if (input.offset !== upload.received) {
      throw new AppError('VALIDATION_ERROR', [{ field: 'offset', code: 'invalid', message: `Expected offset ${upload.received}`, params: { expected: upload.received } }]);
    }
    if (bytes.length > uploadChunkBytes || upload.received + bytes.length > upload.size) {
      this.drop(input.uploadId);
      throw new AppError('VALIDATION_ERROR', [{ field: 'file', code: 'media_size_mismatch', message: 'The file is larger than announced' }]);
    }
    if (input.offset === 0 && contentMatchesType(bytes.subarray(0, sniffBytes), upload.mimeType) === false) {
      // A photo that is not a photo (or a PDF that is not a PDF) is refused before a byte is kept.
      this.drop(input.uploadId);
      throw new AppError('VALIDATION_ERROR', [
        { field: 'file', code: 'media_content_mismatch', message: `The file's content is not ${upload.mimeType}`, params: { mimeType: upload.mimeType } },
      ]);
    }
    fs.appendFileSync(upload.tempFile, bytes);
    upload.hash.update(bytes);
    upload.received += bytes.length;
    upload.touchedAt = this.clock.now();
    return { received: upload.received };
  }

  /** All pieces are in: the file moves into the media store under its hash. */
  finish(ownerId: number, uploadId: string): FinishedUpload {
    const upload = this.owned(ownerId, uploadId);
    if (upload.finished) return upload.finished;
    if (upload.received !== upload.size) {
      this.drop(uploadId);
      throw new AppError('VALIDATION_ERROR', [{ field: 'file', code: 'media_size_mismatch', message: 'The file arrived incomplete' }]);
    }
    const sha256 = upload.hash.digest('hex');
    this.store.settle(upload.tempFile, sha256);
    upload.finished = { sha256, size: upload.size, mimeType: upload.mimeType, name: upload.name, type: upload.type };
    upload.touchedAt = this.clock.now();
    return upload.finished;
  }

  /** A finished upload of this user, to attach; it can be used once. */
  take(ownerId: number, uploadId: string, field = 'attachment.uploadId'): FinishedUpload {
    const upload = this.uploads.get(uploadId);
    if (!upload || upload.ownerId !== ownerId || !upload.finished) {
      throw new AppError('VALIDATION_ERROR', [{ field, code: 'invalid', message: 'No finished upload with this id' }]);
    }
    upload.touchedAt = this.clock.now();
    return upload.finished;
  }

  /** Forgets an upload once its message is stored. */
  consumed(uploadId: string): void {
    this.uploads.delete(uploadId);
  }

  cancel(ownerId: number, uploadId: string): void {
    this.owned(ownerId, uploadId);
    this.drop(uploadId);
  }

  private owned(ownerId: number, uploadId: string): Upload {
    const upload = this.uploads.get(uploadId);
    if (!upload || upload.ownerId !== ownerId) throw new AppError('NOT_FOUND');
    return upload;
  }

  private drop(uploadId: string): void {
    const upload = this.uploads.get(uploadId);
    if (!upload) return;
    this.uploads.delete(uploadId);
    if (!upload.finished) fs.rmSync(upload.tempFile, { force: true });
  }

  private sweep(): void {
    const cutoff = this.clock.now() - idleMs;
    for (const [id, upload] of this.uploads) if (upload.touchedAt < cutoff) this.drop(id);
  }
}

function refusalError(refusal: NonNullable<ReturnType<typeof mediaRefusal>>, mimeType: string): AppError {
  if (refusal.code === 'media_type_not_allowed') {
    return new AppError('VALIDATION_ERROR', [{ field: 'file', code: 'media_type_not_allowed', message: `Files of type ${mimeType} cannot be sent`, params: { mimeType } }]);
  }
  const maxMb = Math.round(refusal.maxBytes / (1024 * 1024));
  return new AppError('VALIDATION_ERROR', [
    { field: 'file', code: 'media_too_large', message: `A ${refusal.type} can be at most ${maxMb} MB`, params: { type: refusal.type, maxMb } },
  ]);
}
