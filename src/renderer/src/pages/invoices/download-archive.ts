import type { InvoiceArchiveView } from '../../../../shared/invoices/types';
import { call } from '../../api/client';
import { fromBase64, saveFile } from './save-file';

/** Reads a finished archive from the core piece by piece (`onProgress` hears 0–1), then saves it. */
export async function downloadArchive(archive: InvoiceArchiveView, onProgress: (share: number) => void): Promise<void> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  while (offset < archive.size) {
    const piece = await call('invoices.archiveRead', { archiveId: archive.archiveId, offset });
    const bytes = fromBase64(piece.data);
    if (bytes.length === 0) break;
    parts.push(bytes);
    offset += bytes.length;
    onProgress(offset / archive.size);
  }
  saveFile(parts, 'application/zip', archive.fileName);
}
