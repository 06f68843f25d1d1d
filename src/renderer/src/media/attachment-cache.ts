import type { AttachmentView } from '../../../shared/inbox/types';
import type { MediaPiece } from '../../../shared/media/types';
import { call } from '../api/client';

/** Files shown in this window, as object URLs, newest use last; the oldest are let go past the budget. */
const budgetBytes = 150 * 1024 * 1024;
const cache = new Map<string, { url: string; size: number }>();
const loading = new Map<string, Promise<string>>();

function fromBase64(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** An object URL for a stored file, read from the core piece by piece (progress 0 to 1), once per window. */
function fileUrl(key: string, mimeType: string | null, readPiece: (offset: number) => Promise<MediaPiece>, onProgress?: (done: number) => void): Promise<string> {
  const cached = cache.get(key);
  if (cached) {
    cache.delete(key);
    cache.set(key, cached);
    return Promise.resolve(cached.url);
  }
  let pending = loading.get(key);
  if (!pending) {
    pending = read(key, mimeType, readPiece, onProgress).finally(() => loading.delete(key));
    loading.set(key, pending);
  }
  return pending;
}

async function read(key: string, mimeType: string | null, readPiece: (offset: number) => Promise<MediaPiece>, onProgress?: (done: number) => void): Promise<string> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  let size = 0;
  let type = mimeType;
  do {
    const piece = await readPiece(offset);
    const bytes = fromBase64(piece.data);
    if (bytes.length === 0) break;
    parts.push(bytes);
    offset += bytes.length;
    size = piece.size;
    type ??= piece.mimeType;
    onProgress?.(size > 0 ? offset / size : 1);
  } while (offset < size);
  const url = URL.createObjectURL(new Blob(parts, type ? { type } : {}));
  cache.set(key, { url, size });
  let total = [...cache.values()].reduce((sum, entry) => sum + entry.size, 0);
  for (const [id, entry] of cache) {
    if (total <= budgetBytes || id === key) break;
    URL.revokeObjectURL(entry.url);
    cache.delete(id);
    total -= entry.size;
  }
  return url;
}

/** A message's file. */
export function attachmentUrl(attachment: AttachmentView, onProgress?: (done: number) => void): Promise<string> {
  return fileUrl(`attachment:${attachment.id}`, attachment.mimeType, (offset) => call('media.read', { attachmentId: attachment.id, offset }), onProgress);
}

/** One of a property's photos (named by its content hash, so one key serves every property that has it). */
export function propertyPhotoUrl(propertyId: number, photo: string): Promise<string> {
  return fileUrl(`photo:${photo}`, null, (offset) => call('properties.photo', { id: propertyId, photo, offset }));
}

/** Saves the file to the computer under its name (the browser's or Electron's download). */
export async function saveAttachment(attachment: AttachmentView, fallbackName: string): Promise<void> {
  const url = await attachmentUrl(attachment);
  const link = document.createElement('a');
  link.href = url;
  link.download = attachment.name ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
}
