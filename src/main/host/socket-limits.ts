import { uploadChunkBytes } from '../media/uploads';

/** How much one browser tab may cost the host: frame size, unread output, and how long it may stall. */
export interface SocketLimits {
  /** The largest frame a client may send; `ws` closes the socket with 1009 past it. */
  maxPayload: number;
  /** Output the host keeps for a socket that is not reading; past it calls are refused and events dropped. */
  maxBufferedBytes: number;
  /** How often every socket must answer a ping; a socket that does not (stalled reader, dead peer) is closed. */
  heartbeatMs: number;
}

/**
 * The largest legitimate frame is one upload piece: `uploadChunkBytes` in base64 (4/3 as many
 * characters) plus the call's envelope (id, channel, token, field names). A contacts CSV travels
 * as upload pieces too, so nothing else comes near it; 3 MB leaves room and refuses the rest.
 */
export const maxFrameBytes = 3 * 1024 * 1024;
const largestPiece = Math.ceil(uploadChunkBytes / 3) * 4;
if (largestPiece + 4096 > maxFrameBytes) throw new Error('An upload piece no longer fits in one WebSocket frame');

export const defaultSocketLimits: SocketLimits = {
  maxPayload: maxFrameBytes,
  // Enough for a few file pieces in flight (each 2.8 MB as base64) and the events around them.
  maxBufferedBytes: 8 * 1024 * 1024,
  heartbeatMs: 30_000,
};
