import { useEffect, useState } from 'react';
import type { AttachmentView, MessageView } from '../../../../shared/inbox/types';
import { Dialog } from '../../components/Dialog';
import { Icon } from '../../components/icons';
import { formatBytes } from '../../format/bytes';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { attachmentUrl, saveAttachment } from '../../media/attachment-cache';

/** Pictures and voice notes this small load by themselves; bigger videos wait for a click. */
const autoLoadBytes = 6 * 1024 * 1024;

type Load = { state: 'idle' } | { state: 'loading'; progress: number } | { state: 'ready'; url: string } | { state: 'failed' };

function useAttachmentUrl(attachment: AttachmentView, auto: boolean) {
  const [load, setLoad] = useState<Load>({ state: 'idle' });
  function start() {
    setLoad({ state: 'loading', progress: 0 });
    attachmentUrl(attachment, (progress) => setLoad((current) => (current.state === 'loading' ? { state: 'loading', progress } : current)))
      .then((url) => setLoad({ state: 'ready', url }))
      .catch(() => setLoad({ state: 'failed' }));
  }
  useEffect(() => {
    if (auto) start();
  }, [attachment.id]);
  return { load, start };
}

function fileLabel(attachment: AttachmentView, t: ReturnType<typeof useT>): string {
  return attachment.name ?? t(`media.type.${attachment.type}`);
}

function SaveButton({ attachment }: { attachment: AttachmentView }) {
  const t = useT();
  const [state, setState] = useState<{ progress: number | null; failed: boolean }>({ progress: null, failed: false });
  async function save() {
    setState({ progress: 0, failed: false });
    try {
      // A large document comes in pieces: the button shows how far.
      await attachmentUrl(attachment, (progress) => setState({ progress, failed: false }));
      await saveAttachment(attachment, t(`media.type.${attachment.type}`));
      setState({ progress: null, failed: false });
    } catch {
      setState({ progress: null, failed: true });
    }
  }
  return (
    <button
      type="button"
      className="button button-small button-secondary attachment-save"
      onClick={() => void save()}
      disabled={state.progress !== null}
      data-testid={`attachment-save-${attachment.id}`}
    >
      <Icon name="download" />
      {state.progress !== null ? t('media.loading', { percent: Math.round(state.progress * 100) }) : state.failed ? t('media.loadFailed') : t('media.save')}
    </button>
  );
}

function LoadingNote({ load }: { load: Load }) {
  const t = useT();
  if (load.state === 'loading') return <span className="attachment-note muted">{t('media.loading', { percent: Math.round(load.progress * 100) })}</span>;
  if (load.state === 'failed') return <span className="attachment-note attachment-failed">{t('media.loadFailed')}</span>;
  return null;
}

function ImageAttachment({ attachment }: { attachment: AttachmentView }) {
  const t = useT();
  const { load } = useAttachmentUrl(attachment, attachment.size <= autoLoadBytes);
  const [zoomed, setZoomed] = useState(false);
  return (
    <div className="attachment attachment-image" data-testid={`attachment-${attachment.id}`} data-type="image">
      {load.state === 'ready' ? (
        <button type="button" className="attachment-image-button" onClick={() => setZoomed(true)} aria-label={t('media.open')}>
          <img src={load.url} alt={fileLabel(attachment, t)} className="attachment-image-preview" data-testid="attachment-image" />
        </button>
      ) : (
        <div className="attachment-image-placeholder">
          <Icon name="image" />
          <LoadingNote load={load} />
        </div>
      )}
      {zoomed && load.state === 'ready' ? (
        <Dialog title={fileLabel(attachment, t)} onClose={() => setZoomed(false)} size="large" testId="attachment-viewer">
          <div className="dialog-body attachment-viewer">
            <img src={load.url} alt={fileLabel(attachment, t)} />
          </div>
          <div className="dialog-footer">
            <SaveButton attachment={attachment} />
            <button type="button" className="button button-secondary" onClick={() => setZoomed(false)}>
              {t('media.close')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}

function PlayableAttachment({ attachment, kind }: { attachment: AttachmentView; kind: 'audio' | 'video' }) {
  const t = useT();
  const { load, start } = useAttachmentUrl(attachment, kind === 'audio' && attachment.size <= autoLoadBytes);
  return (
    <div className={`attachment attachment-${kind}`} data-testid={`attachment-${attachment.id}`} data-type={kind}>
      {load.state === 'ready' ? (
        kind === 'audio' ? (
          <audio controls preload="metadata" src={load.url} className="attachment-audio-player" />
        ) : (
          <video controls preload="metadata" src={load.url} className="attachment-video-player" />
        )
      ) : load.state === 'idle' ? (
        <button type="button" className="button button-secondary attachment-play" onClick={start} data-testid={`attachment-play-${attachment.id}`}>
          <Icon name="play" />
          {t('media.play')} · {t(`media.type.${kind}`)}
        </button>
      ) : (
        <LoadingNote load={load} />
      )}
    </div>
  );
}

function DocumentAttachment({ attachment }: { attachment: AttachmentView }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  return (
    <div className="attachment attachment-document" data-testid={`attachment-${attachment.id}`} data-type="document">
      <Icon name="file" className="icon attachment-document-icon" />
      <div className="attachment-document-text">
        <bdi className="attachment-document-name" dir="auto">
          {fileLabel(attachment, t)}
        </bdi>
        <span className="attachment-document-size muted">{formatBytes(attachment.size, language)}</span>
      </div>
    </div>
  );
}

/** A message's file: a photo inline, an audio or video player, a document's name and size; each can be saved. */
export function MessageAttachments({ message }: { message: MessageView }) {
  const t = useT();
  if (message.mediaStatus === 'pending') {
    return (
      <p className="attachment attachment-pending muted" data-testid="attachment-pending">
        <Icon name="clock" />
        {t('media.pending')}
      </p>
    );
  }
  if (message.mediaStatus === 'unavailable') {
    return (
      <p className="attachment attachment-unavailable muted" data-testid="attachment-unavailable">
        <Icon name="alert" />
        {t('media.unavailable')}
      </p>
    );
  }
  return (
    <>
      {message.attachments.map((attachment) => (
        <div className="attachment-block" key={attachment.id}>
          {attachment.type === 'image' ? (
            <ImageAttachment attachment={attachment} />
          ) : attachment.type === 'audio' || attachment.type === 'video' ? (
            <PlayableAttachment attachment={attachment} kind={attachment.type} />
          ) : (
            <DocumentAttachment attachment={attachment} />
          )}
          {attachment.type !== 'image' ? <SaveButton attachment={attachment} /> : null}
        </div>
      ))}
    </>
  );
}
