import { useEffect, useState } from 'react';
import { Icon } from '../../components/icons';
import { formatBytes } from '../../format/bytes';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';

/** The file waiting to go with the next message: a thumbnail or an icon, its name and size, and a way to take it off. */
export function ComposerAttachment({ file, progress, onRemove }: { file: File; progress: number | null; onRemove(): void }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => {
    if (!file.type.startsWith('image/')) return;
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);
  return (
    <div className="composer-attachment" data-testid="composer-attachment">
      {preview ? <img src={preview} alt="" className="composer-attachment-thumb" /> : <Icon name="file" className="icon composer-attachment-icon" />}
      <div className="composer-attachment-text">
        <bdi className="composer-attachment-name" dir="auto">
          {file.name}
        </bdi>
        <span className="muted composer-attachment-size">{formatBytes(file.size, language)}</span>
        {progress !== null ? (
          <span className="composer-upload" data-testid="composer-upload-progress">
            <progress max={1} value={progress} aria-label={t('media.uploading', { percent: Math.round(progress * 100) })} />
            <span className="muted">{t('media.uploading', { percent: Math.round(progress * 100) })}</span>
          </span>
        ) : null}
      </div>
      <button type="button" className="icon-button" onClick={onRemove} disabled={progress !== null} aria-label={t('media.remove')} title={t('media.remove')} data-testid="composer-attachment-remove">
        <Icon name="close" />
      </button>
    </div>
  );
}
