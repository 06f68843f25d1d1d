import type { AttachmentType } from '../domain';

/** A finished upload, ready to attach to a message. */
export interface UploadedFile {
  uploadId: string;
  type: AttachmentType;
  name: string;
  size: number;
  mimeType: string;
}

/** A piece of a stored file: base64 `data` starting at `offset`, of `size` bytes in all. */
export interface MediaPiece {
  data: string;
  offset: number;
  size: number;
  mimeType: string;
  name: string | null;
}
