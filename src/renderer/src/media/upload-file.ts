import type { UploadedFile } from '../../../shared/media/types';
import { call } from '../api/client';

/** Bytes → base64 without building one giant string of char codes (a 2 MB piece is fine for btoa). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(binary);
}

/**
 * Sends a file to the core in pieces over the contract, reporting progress (0 to 1). The
 * core checks type and size before the first piece; an abort cancels the upload there too.
 */
export async function uploadFile(file: File, onProgress: (done: number) => void, signal?: AbortSignal, mimeType?: string): Promise<UploadedFile> {
  const { uploadId, chunkBytes } = await call('media.uploadStart', { name: file.name, mimeType: mimeType ?? (file.type || 'application/octet-stream'), size: file.size });
  try {
    let offset = 0;
    while (offset < file.size) {
      signal?.throwIfAborted();
      const piece = new Uint8Array(await file.slice(offset, offset + chunkBytes).arrayBuffer());
      await call('media.uploadChunk', { uploadId, offset, data: toBase64(piece) });
      offset += piece.length;
      onProgress(offset / file.size);
    }
    signal?.throwIfAborted();
    return await call('media.uploadFinish', { uploadId });
  } catch (error) {
    void call('media.uploadCancel', { uploadId }).catch(() => {});
    throw error;
  }
}
