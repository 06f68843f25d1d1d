import type Database from 'better-sqlite3';
import type { DownloadedMedia, InboundSource } from '../../transport';

/** Meta's two steps for a file: GET /{media-id} (a short-lived URL), then that URL with the token. Null: Meta no longer has it. */
export type FetchCloudMedia = (numberId: number, mediaId: string) => Promise<{ data: Buffer; mimeType: string } | null>;

/**
 * A Cloud number's received files for the media fetcher: the media id its webhook carried
 * (recorded per wamid) through the Graph API. A throw leaves the message `pending`, to be
 * fetched again later; null marks it unavailable.
 */
export function cloudInboundSource(sqlite: Database.Database, numberId: number, fetchMedia: FetchCloudMedia): InboundSource {
  const mediaOf = sqlite.prepare<[number, string], { media_id: string; file_name: string | null }>(
    'select media_id, file_name from cloud_media_ids where whatsapp_number_id = ? and whatsapp_message_id = ?',
  );
  return {
    async downloadMedia(providerId: string): Promise<DownloadedMedia | null> {
      const media = mediaOf.get(numberId, providerId);
      if (!media) return null;
      const file = await fetchMedia(numberId, media.media_id);
      return file ? { mimeType: file.mimeType, name: media.file_name, data: file.data } : null;
    },
    // Cloud customers are known by phone or business-scoped user id, never by an `@lid`.
    phoneForLid: () => Promise.resolve(null),
  };
}
