import type Database from 'better-sqlite3';
import type { MediaPiece } from '../../../shared/media/types';
import type { Clock } from '../../base/clock';
import type { EventBus } from '../../events/event-bus';
import type { MediaStore } from '../../media/media-store';
import type { Uploads } from '../../media/uploads';
import { AppError } from '../../rpc/app-error';
import type { ActivityLog } from '../activity/activity-log';
import type { Caller } from '../auth/auth-service';
import { readChunkBytes } from '../media/media-service';

/** A catalogue card needs a few good pictures, not an album. */
export const maxPropertyPhotos = 12;

/**
 * A property's photos: images uploaded like any file an agent sends, kept in the media store
 * under their hash, listed in order in the property's `photos` (seed 003's catalogue).
 */
export class PropertyPhotos {
  private readonly q;

  constructor(
    sqlite: Database.Database,
    private readonly store: MediaStore,
    private readonly uploads: Uploads,
    private readonly activity: ActivityLog,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {
    this.q = {
      photos: sqlite.prepare<[number], { name: string; photos: string }>('select name, photos from properties where id = ?'),
      setPhotos: sqlite.prepare<[string, number, number]>('update properties set photos = ?, updated_at = ? where id = ?'),
    };
  }

  /** Returns the property's photos as they now are. */
  add(caller: Caller, id: number, uploadId: string): { photos: string[] } {
    const { name, photos } = this.read(id);
    const file = this.uploads.take(caller.user.id, uploadId);
    if (file.type !== 'image') throw new AppError('VALIDATION_ERROR', [{ field: 'file', code: 'media_type_not_allowed', message: 'A property photo must be an image' }]);
    if (photos.length >= maxPropertyPhotos) {
      throw new AppError('VALIDATION_ERROR', [{ field: 'file', code: 'too_many_photos', message: `A property keeps at most ${maxPropertyPhotos} photos`, params: { max: maxPropertyPhotos } }]);
    }
    this.uploads.consumed(uploadId);
    if (photos.includes(file.sha256)) return { photos };
    return { photos: this.save(caller, id, name, [...photos, file.sha256], 'property.photo_added') };
  }

  remove(caller: Caller, id: number, photo: string): { photos: string[] } {
    const { name, photos } = this.read(id);
    if (!photos.includes(photo)) throw new AppError('NOT_FOUND');
    return { photos: this.save(caller, id, name, photos.filter((p) => p !== photo), 'property.photo_removed') };
  }

  /** Anyone signed in sees the catalogue, so anyone may see its photos. */
  piece(input: { id: number; photo: string; offset: number }): MediaPiece {
    const { photos } = this.read(input.id);
    if (!photos.includes(input.photo) || !this.store.has(input.photo)) throw new AppError('NOT_FOUND');
    const data = this.store.read(input.photo, input.offset, readChunkBytes);
    const size = this.store.size(input.photo);
    return { data: data.toString('base64'), offset: input.offset, size, mimeType: sniffImageType(data, input.offset), name: null };
  }

  private read(id: number): { name: string; photos: string[] } {
    const row = this.q.photos.get(id);
    if (!row) throw new AppError('NOT_FOUND');
    const parsed: unknown = JSON.parse(row.photos);
    return { name: row.name, photos: Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string') : [] };
  }

  private save(caller: Caller, id: number, name: string, photos: string[], action: string): string[] {
    this.q.setPhotos.run(JSON.stringify(photos), this.clock.now(), id);
    this.activity.record({ userId: caller.user.id, action, entityType: 'property', entityId: id, details: { name, photos: photos.length } });
    this.bus.publish('properties.changed', { propertyId: id }, { kind: 'all' });
    return photos;
  }
}

/** The photo's type from its first bytes (the catalogue keeps only names, not MIME types). */
export function sniffImageType(head: Buffer, offset: number): string {
  if (offset > 0) return 'application/octet-stream';
  if (head[0] === 0x89 && head[1] === 0x50) return 'image/png';
  if (head[0] === 0xff && head[1] === 0xd8) return 'image/jpeg';
  if (head.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return 'application/octet-stream';
}
