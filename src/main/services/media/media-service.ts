import type Database from 'better-sqlite3';
import type { MediaPiece, UploadedFile } from '../../../shared/media/types';
import type { AttachmentRow } from '../../ingest/records';
import type { MediaStore } from '../../media/media-store';
import type { Uploads } from '../../media/uploads';
import { AppError } from '../../rpc/app-error';
import type { Caller } from '../auth/auth-service';
import type { NumberAccess } from '../inbox/number-access';

/** Pieces small enough for one WebSocket frame once base64-encoded. */
export const readChunkBytes = 2 * 1024 * 1024;

/** Files in and out over the contract: uploads for sending, and pieces of stored files for showing and saving. */
export class MediaService {
  private readonly attachment;

  constructor(
    sqlite: Database.Database,
    private readonly store: MediaStore,
    private readonly uploads: Uploads,
    private readonly access: NumberAccess,
  ) {
    this.attachment = sqlite.prepare<[number], AttachmentRow>('select * from message_attachments where id = ?');
  }

  uploadStart(caller: Caller, input: { name: string; mimeType: string; size: number }) {
    return this.uploads.start(caller.user.id, input);
  }

  uploadChunk(caller: Caller, input: { uploadId: string; offset: number; data: string }) {
    return this.uploads.append(caller.user.id, input);
  }

  uploadFinish(caller: Caller, uploadId: string): UploadedFile {
    const file = this.uploads.finish(caller.user.id, uploadId);
    return { uploadId, type: file.type, name: file.name, size: file.size, mimeType: file.mimeType };
  }

  uploadCancel(caller: Caller, uploadId: string): { ok: true } {
    this.uploads.cancel(caller.user.id, uploadId);
    return { ok: true };
  }

  /** A piece of a message's file, for those who may work the message's number. */
  read(caller: Caller, input: { attachmentId: number; offset: number }): MediaPiece {
    const attachment = this.attachment.get(input.attachmentId);
    if (!attachment) throw new AppError('NOT_FOUND');
    this.access.requireMessage(caller, attachment.message_id);
    if (!this.store.has(attachment.sha256)) throw new AppError('NOT_FOUND', 'media_missing');
    if (input.offset > attachment.size) throw new AppError('VALIDATION_ERROR', [{ field: 'offset', code: 'invalid', message: 'Past the end of the file' }]);
    const data = this.store.read(attachment.sha256, input.offset, readChunkBytes);
    return { data: data.toString('base64'), offset: input.offset, size: attachment.size, mimeType: attachment.mime_type, name: attachment.name };
  }
}
