import type { AttachmentType } from '../domain';

const MB = 1024 * 1024;

/**
 * Seed 003's "Attachment Types": what an agent may send, and how big. WhatsApp itself refuses
 * larger files, so checking here saves an upload that could never go out.
 */
export const mediaRules: Record<AttachmentType, { maxBytes: number; mimeTypes: readonly string[] }> = {
  image: { maxBytes: 5 * MB, mimeTypes: ['image/jpeg', 'image/png', 'image/webp'] },
  video: { maxBytes: 16 * MB, mimeTypes: ['video/mp4', 'video/3gpp'] },
  audio: { maxBytes: 16 * MB, mimeTypes: ['audio/aac', 'audio/mp3', 'audio/mpeg', 'audio/ogg', 'audio/mp4'] },
  document: {
    maxBytes: 100 * MB,
    mimeTypes: [
      'application/pdf',
      'application/msword',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.ms-excel',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.ms-powerpoint',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      'text/plain',
      'text/csv',
      'application/zip',
    ],
  },
};

/** The largest file anyone may send or receive (a document). */
export const maxMediaBytes = mediaRules.document.maxBytes;

/** `audio/ogg; codecs=opus` → `audio/ogg`. */
export function baseMimeType(mimeType: string): string {
  return mimeType.split(';')[0]!.trim().toLowerCase();
}

/** The seed's type for a MIME type an agent may send, or null when it is not allowed. */
export function sendableMediaType(mimeType: string): AttachmentType | null {
  const base = baseMimeType(mimeType);
  for (const [type, rule] of Object.entries(mediaRules) as [AttachmentType, (typeof mediaRules)[AttachmentType]][]) {
    if (rule.mimeTypes.includes(base)) return type;
  }
  return null;
}

/**
 * What a received file is shown as. Customers' phones send what WhatsApp lets them (stickers,
 * voice notes, any document), so inbound files are classed by their MIME family, not refused.
 */
export function receivedMediaType(mimeType: string): AttachmentType {
  const base = baseMimeType(mimeType);
  if (base.startsWith('image/')) return 'image';
  if (base.startsWith('video/')) return 'video';
  if (base.startsWith('audio/')) return 'audio';
  return 'document';
}

/** Why a file may not be sent, or null when it may. */
export function mediaRefusal(mimeType: string, size: number): { code: 'media_type_not_allowed' } | { code: 'media_too_large'; type: AttachmentType; maxBytes: number } | null {
  const type = sendableMediaType(mimeType);
  if (!type) return { code: 'media_type_not_allowed' };
  const { maxBytes } = mediaRules[type];
  return size > maxBytes ? { code: 'media_too_large', type, maxBytes } : null;
}

/** A file name safe to show and to save: no folders, no control characters, not too long. */
export function cleanFileName(name: string | null | undefined, fallback: string): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').trim().slice(0, 200);
  return clean || fallback;
}
