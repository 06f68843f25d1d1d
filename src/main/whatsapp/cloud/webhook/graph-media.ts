import type Database from 'better-sqlite3';
import { cloudSecretsOf, readGraphSettings } from '../cloud-store';
import { GraphClient, GraphError } from '../graph-client';
import type { FetchCloudMedia } from './cloud-media-source';

interface MediaUrl {
  url?: unknown;
  mime_type?: unknown;
}

/**
 * A Cloud file in Meta's two steps: GET /{media-id} gives a URL valid for minutes, fetched with
 * the number's token. Meta no longer having it (its media live 30 days) is null; anything else
 * (network, 5xx, an expired token) throws, so the message stays `pending` and is tried again.
 */
export function graphMediaFetcher(sqlite: Database.Database): FetchCloudMedia {
  return async (numberId, mediaId) => {
    const secrets = cloudSecretsOf(sqlite, numberId);
    if (!secrets?.accessToken) throw new Error('the Cloud number has no access token');
    const token = secrets.accessToken;
    const client = new GraphClient({ settings: () => readGraphSettings(sqlite), token: () => token });
    let found: MediaUrl;
    try {
      found = await client.get<MediaUrl>(encodeURIComponent(mediaId));
    } catch (error) {
      if (error instanceof GraphError && error.kind === 'meta' && (error.status === 404 || error.code === 100)) return null;
      throw error;
    }
    if (typeof found.url !== 'string') return null;
    const file = await client.download(found.url);
    return { data: file.data, mimeType: typeof found.mime_type === 'string' ? found.mime_type : file.mimeType };
  };
}
