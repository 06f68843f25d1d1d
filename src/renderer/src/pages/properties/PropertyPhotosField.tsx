import { useEffect, useRef, useState } from 'react';
import { mediaRefusal, mediaRules } from '../../../../shared/media/rules';
import { Icon } from '../../components/icons';
import { fieldErrorText } from '../../i18n/errors';
import { useT } from '../../i18n/use-t';
import { usePhotoUrl } from './use-photo-url';

/** Twelve at most, as the core keeps. */
export const maxPhotos = 12;

/** The photos as the form holds them until it is saved: those stored, and new files to upload. */
export interface PhotoDraft {
  kept: string[];
  added: { key: number; file: File }[];
}

let nextKey = 1;

function StoredThumb({ propertyId, photo, onRemove, disabled }: { propertyId: number; photo: string; onRemove(): void; disabled: boolean }) {
  const t = useT();
  const url = usePhotoUrl(propertyId, photo);
  return (
    <li className="photo-thumb" data-testid="property-form-photo">
      {url ? <img src={url} alt="" /> : <Icon name="image" />}
      <button type="button" className="photo-thumb-remove" onClick={onRemove} disabled={disabled} aria-label={t('photos.remove')} title={t('photos.remove')}>
        <Icon name="close" />
      </button>
    </li>
  );
}

function NewThumb({ file, onRemove, disabled }: { file: File; onRemove(): void; disabled: boolean }) {
  const t = useT();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const made = URL.createObjectURL(file);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [file]);
  return (
    <li className="photo-thumb photo-thumb-new" data-testid="property-form-photo" data-new="true">
      {url ? <img src={url} alt={file.name} /> : null}
      <button type="button" className="photo-thumb-remove" onClick={onRemove} disabled={disabled} aria-label={t('photos.remove')} title={t('photos.remove')}>
        <Icon name="close" />
      </button>
    </li>
  );
}

/** Picks, previews and removes a property's photos; they are uploaded when the form is saved. */
export function PropertyPhotosField({
  propertyId,
  draft,
  onChange,
  progress,
  disabled,
}: {
  propertyId: number | null;
  draft: PhotoDraft;
  onChange(draft: PhotoDraft): void;
  /** While saving: which photo is uploading and how far (0 to 1). */
  progress: { index: number; count: number; done: number } | null;
  disabled: boolean;
}) {
  const t = useT();
  const picker = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const total = draft.kept.length + draft.added.length;

  function pick(files: FileList | null) {
    if (!files) return;
    const accepted: PhotoDraft['added'] = [];
    let refused: string | null = null;
    for (const file of Array.from(files)) {
      const refusal = mediaRefusal(file.type || 'application/octet-stream', file.size);
      const notImage = !mediaRules.image.mimeTypes.includes(file.type);
      if (refusal || notImage) {
        const params = refusal?.code === 'media_too_large' ? { maxMb: Math.round(refusal.maxBytes / (1024 * 1024)) } : undefined;
        refused = fieldErrorText(t, { field: 'file', code: refusal?.code === 'media_too_large' ? 'media_too_large' : 'media_type_not_allowed', message: '', ...(params ? { params } : {}) });
        continue;
      }
      if (total + accepted.length >= maxPhotos) {
        refused = t('fieldError.too_many_photos', { max: maxPhotos });
        break;
      }
      accepted.push({ key: nextKey++, file });
    }
    setError(refused);
    if (accepted.length > 0) onChange({ ...draft, added: [...draft.added, ...accepted] });
  }

  return (
    <section className="property-form-photos" aria-labelledby="property-form-photos-title" data-testid="property-form-photos">
      <div className="property-form-photos-head">
        <h3 className="property-form-photos-title" id="property-form-photos-title">
          {t('properties.photos')}
        </h3>
        <span className="muted">{t('photos.hint', { max: maxPhotos })}</span>
      </div>
      <ul className="photo-thumbs">
        {propertyId !== null
          ? draft.kept.map((photo) => (
              <StoredThumb key={photo} propertyId={propertyId} photo={photo} disabled={disabled} onRemove={() => onChange({ ...draft, kept: draft.kept.filter((p) => p !== photo) })} />
            ))
          : null}
        {draft.added.map(({ key, file }) => (
          <NewThumb key={key} file={file} disabled={disabled} onRemove={() => onChange({ ...draft, added: draft.added.filter((a) => a.key !== key) })} />
        ))}
        {total < maxPhotos ? (
          <li>
            <button type="button" className="photo-thumb-add" onClick={() => picker.current?.click()} disabled={disabled} data-testid="property-form-add-photo">
              <Icon name="plus" />
              <span>{t('photos.add')}</span>
            </button>
          </li>
        ) : null}
      </ul>
      <input
        ref={picker}
        type="file"
        accept={mediaRules.image.mimeTypes.join(',')}
        multiple
        hidden
        onChange={(event) => {
          pick(event.target.files);
          event.target.value = '';
        }}
        data-testid="property-form-photo-file"
      />
      {progress ? (
        <p className="composer-upload" data-testid="property-photo-progress">
          <progress max={1} value={progress.done} />
          <span className="muted">{t('photos.uploading', { index: progress.index, count: progress.count, percent: Math.round(progress.done * 100) })}</span>
        </p>
      ) : null}
      {error ? (
        <p className="field-error" role="alert" data-testid="property-photo-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
