import type { mediaChannels } from '../../../shared/media/contract';
import { signedIn, type HandlerMap } from '../../rpc/handler-map';
import type { MediaService } from './media-service';

/** Binds the media slice's channels to its services. */
export function mediaHandlers(s: { media: MediaService }): HandlerMap<typeof mediaChannels> {
  return {
    'media.uploadStart': (input, { caller }) => s.media.uploadStart(signedIn(caller), input),
    'media.uploadChunk': (input, { caller }) => s.media.uploadChunk(signedIn(caller), input),
    'media.uploadFinish': (input, { caller }) => s.media.uploadFinish(signedIn(caller), input.uploadId),
    'media.uploadCancel': (input, { caller }) => s.media.uploadCancel(signedIn(caller), input.uploadId),
    'media.read': (input, { caller }) => s.media.read(signedIn(caller), input),
  };
}
