import { channel } from '../contract-kit';
import * as s from './schemas';
import type { MediaPiece, UploadedFile } from './types';

/** Files: uploads in pieces and reading a message's file. */
export const mediaChannels = {
  /**
   * Files in pieces (seed 003's multipart upload, over IPC or WebSocket alike): start checks
   * the type and size, chunks arrive in order, finish stores the file under its hash; the
   * upload id then goes with `messages.send`. Counted apart from reads and writes: a 100 MB
   * document is fifty pieces.
   */
  'media.uploadStart': channel<{ uploadId: string; chunkBytes: number }>()({ input: s.uploadStartInput, access: 'user', kind: 'write' }),
  'media.uploadChunk': channel<{ received: number }>()({ input: s.uploadChunkInput, access: 'user', kind: 'transfer' }),
  'media.uploadFinish': channel<UploadedFile>()({ input: s.uploadIdInput, access: 'user', kind: 'transfer' }),
  'media.uploadCancel': channel<{ ok: true }>()({ input: s.uploadIdInput, access: 'user', kind: 'transfer' }),
  /** A piece of a message's file (base64), for those who may read its conversation. */
  'media.read': channel<MediaPiece>()({ input: s.mediaReadInput, access: 'user', kind: 'transfer' }),
} as const;
