import type { AttachmentView } from '../../../shared/inbox-types';
import { call } from '../api/client';

/** Files shown in this window, as object URLs, newest use last; the oldest are let go past the budget. */
const budgetBytes = 150 * 1024 * 1024;
const cache = new Map<number, { url: string; size: number }>();
const loading = new Map<number, Promise<string>>();

function fromBase64(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** An object URL for an attachment's file, read from the core in pieces (progress 0 to 1). */
export function attachmentUrl(attachment: AttachmentView, onProgress?: (done: number) => void): Promise<string> {
  const cached = cache.get(attachment.id);
  if (cached) {
    cache.delete(attachment.id);
    cache.set(attachment.id, cached);
    return Promise.resolve(cached.url);
  }
  let pending = loading.get(attachment.id);
  if (!pending) {
    pending = read(attachment, onProgress).finally(() => loading.delete(attachment.id));
    loading.set(attachment.id, pending);
  }
  return pending;
}

async function read(attachment: AttachmentView, onProgress?: (done: number) => void): Promise<string> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  let size = attachment.size;
  do {
    const piece = await call('media.read', { attachmentId: attachment.id, offset });
    const bytes = fromBase64(piece.data);
    if (bytes.length === 0) break;
    parts.push(bytes);
    offset += bytes.length;
    size = piece.size;
    onProgress?.(size > 0 ? offset / size : 1);
  } while (offset < size);
  const url = URL.createObjectURL(new Blob(parts, { type: attachment.mimeType }));
  cache.set(attachment.id, { url, size });
  let total = [...cache.values()].reduce((sum, entry) => sum + entry.size, 0);
  for (const [id, entry] of cache) {
    if (total <= budgetBytes || id === attachment.id) break;
    URL.revokeObjectURL(entry.url);
    cache.delete(id);
    total -= entry.size;
  }
  return url;
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
