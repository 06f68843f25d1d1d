import { useRef, useState, type ClipboardEvent, type DragEvent, type FormEvent, type KeyboardEvent } from 'react';
import { mediaRefusal, mediaRules } from '../../../../shared/media/rules';
import type { ConversationView } from '../../../../shared/inbox/types';
import { ApiCallError, call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Icon } from '../../components/icons';
import { useSubmit } from '../../hooks/use-submit';
import { fieldErrorText } from '../../i18n/errors';
import { isolate } from '../../i18n/labels';
import { uploadFile } from '../../media/upload-file';
import { useT } from '../../i18n/use-t';
import { newClientId } from '../../stores/client-id';
import { useConnectionStore } from '../../stores/connection-store';
import { findNumber, useNumbersStore } from '../../stores/numbers-store';
import { sendAnswer } from '../../stores/pending-answers';
import { useThreadStore } from '../../stores/thread-store';
import { TemplateButton } from '../templates/TemplateButton';
import { ComposerAttachment } from './ComposerAttachment';
import { CloudWindowNotice } from '../cloud/CloudWindowNotice';
import { OthersConversationConfirm } from './OthersConversationConfirm';
import { useReplyStore } from './reply-store';
import { useSessionStore } from '../../stores/session-store';

const fields = ['content', 'file'] as const;
/** What the file picker offers: exactly what may be sent (seed 003's types). */
const accept = Object.values(mediaRules).flatMap((rule) => rule.mimeTypes).join(',');
/** What was typed and not sent stays with its conversation while the window is open. */
const drafts = new Map<number, string>();

/** Enter sends, Shift+Enter starts a new line; the text goes only once the core has queued it. */
export function Composer({ conversation }: { conversation: ConversationView }) {
  const t = useT();
  const [text, setText] = useState(() => drafts.get(conversation.id) ?? '');
  const submission = useSubmit(fields);
  const numbersLoaded = useNumbersStore((state) => state.numbers !== null);
  const number = useNumbersStore((state) => findNumber(state.numbers, conversation.whatsappNumberId));

  function change(value: string) {
    setText(value);
    drafts.set(conversation.id, value);
  }

  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [dragging, setDragging] = useState(false);
  const picker = useRef<HTMLInputElement>(null);

  /** Checks the file here first (seed 003's types and sizes), so a refused one is never uploaded. */
  function attach(candidate: File | undefined) {
    if (!candidate) return;
    const refusal = mediaRefusal(candidate.type || 'application/octet-stream', candidate.size);
    if (refusal) {
      const params = refusal.code === 'media_too_large' ? { maxMb: Math.round(refusal.maxBytes / (1024 * 1024)) } : undefined;
      setFileError(fieldErrorText(t, { field: 'file', code: refusal.code, message: '', ...(params ? { params } : {}) }));
      return;
    }
    setFileError(null);
    submission.reset();
    setFile(candidate);
  }

  const me = useSessionStore((state) => state.user);
  // A colleague's conversation: the first send asks first; once confirmed, this conversation stops asking.
  const othersName = conversation.assignedAgentId !== null && conversation.assignedAgentId !== me?.id ? (conversation.assignedAgentName ?? '') : null;
  const [confirmed, setConfirmed] = useState(false);
  const [asking, setAsking] = useState(false);

  async function send(confirmedNow = false) {
    const content = text;
    const attached = file;
    if ((!content.trim() && !attached) || submission.pending) return;
    if (othersName !== null && !confirmed && !confirmedNow) {
      setAsking(true);
      return;
    }
    setAsking(false);
    const ok = await submission.run(async () => {
      const reply = useReplyStore.getState().replyTo;
      const replyToId = reply && reply.conversationId === conversation.id ? reply.id : undefined;
      if (replyToId !== undefined) useReplyStore.getState().set(null);
      // A text waits in this browser for the desk; a file needs the desk to take it.
      if (!attached) return sendAnswer(conversation.id, content, replyToId);
      if (!useConnectionStore.getState().deskReachable) throw new ApiCallError({ code: 'SERVICE_UNAVAILABLE', message: 'The desk cannot be reached', details: 'file_needs_desk' });
      try {
        const upload = await uploadFile(attached, setProgress);
        const message = await call('messages.send', {
          conversationId: conversation.id, content, attachment: { uploadId: upload.uploadId }, clientId: newClientId(),
          ...(replyToId !== undefined ? { replyToId } : {}),
        });
        useThreadStore.getState().addMessages(conversation.id, [message]);
      } finally {
        setProgress(null);
      }
    });
    // Refused: the text and the file stay for another try. Sent: clear them, unless more was typed meanwhile.
    if (ok) {
      setText((current) => (current === content ? '' : current));
      if (drafts.get(conversation.id) === content) drafts.delete(conversation.id);
      if (attached) setFile((current) => (current === attached ? null : current));
    }
  }

  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const pasted = event.clipboardData.files[0];
    if (!pasted) return;
    event.preventDefault();
    attach(pasted);
  }

  function onDrop(event: DragEvent<HTMLFormElement>) {
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (!dropped) return;
    event.preventDefault();
    attach(dropped);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void send();
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void send();
  }

  const error = fileError ?? submission.shown.fields.file ?? submission.shown.fields.content ?? submission.shown.formMessage;
  const replyTo = useReplyStore((state) => state.replyTo);
  const deskReachable = useConnectionStore((state) => state.deskReachable);
  // While the desk is away the number's state is unknown: the banner says what happens to answers.
  const offline = deskReachable && number && number.connection.state !== 'CONNECTED';
  const removed = numbersLoaded && !number;
  return (
    <form
      className={`composer${dragging ? ' is-dragging' : ''}`}
      noValidate
      onSubmit={onSubmit}
      onDragOver={(event) => {
        if (removed || !event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid="composer"
    >
      {/* Issue 19: a Cloud API number's 24-hour window, and its templates once it has closed. */}
      <CloudWindowNotice conversation={conversation} />
      {dragging ? <p className="composer-drop muted">{t('media.dropHere')}</p> : null}
      {replyTo && replyTo.conversationId === conversation.id ? (
        <p className="composer-reply" data-testid="composer-reply">
          <span className="muted">{t('kind.replyingTo')}</span> <span dir="auto">{replyTo.content || t('kind.contacts')}</span>
          <button type="button" className="link-button" onClick={() => useReplyStore.getState().set(null)} aria-label={t('kind.cancelReply')}>
            ✕
          </button>
        </p>
      ) : null}
      {asking && othersName !== null ? (
        <OthersConversationConfirm
          name={othersName}
          onConfirm={() => {
            setConfirmed(true);
            void send(true);
          }}
          onCancel={() => setAsking(false)}
        />
      ) : null}
      {removed ? (
        <Alert tone="info" testId="composer-number-removed">
          {t('composer.numberRemoved')}
        </Alert>
      ) : offline ? (
        <Alert tone="info" testId="composer-offline">
          {t('composer.offline', { name: isolate(number.name) })}
        </Alert>
      ) : null}
      {error ? (
        <Alert tone="error" testId="composer-error">
          {error}
        </Alert>
      ) : null}
      {file ? <ComposerAttachment file={file} progress={progress} onRemove={() => setFile(null)} /> : null}
      <div className="composer-row">
        <TemplateButton conversation={conversation} disabled={removed} />
        <button
          type="button"
          className="button button-secondary composer-attach"
          onClick={() => picker.current?.click()}
          disabled={removed || submission.pending}
          aria-label={t('media.attach')}
          title={`${t('media.attach')} — ${t('media.attachHint')}`}
          data-testid="composer-attach"
        >
          <Icon name="paperclip" />
        </button>
        <input
          ref={picker}
          type="file"
          accept={accept}
          hidden
          onChange={(event) => {
            attach(event.target.files?.[0]);
            event.target.value = '';
          }}
          data-testid="composer-file"
        />
        <textarea
          className="input composer-input"
          value={text}
          onChange={(event) => change(event.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          placeholder={file ? t('media.captionPlaceholder') : t('composer.placeholder')}
          aria-label={t('composer.label')}
          aria-describedby="composer-hint"
          aria-invalid={error ? true : undefined}
          dir="auto"
          rows={1}
          data-testid="composer-input"
        />
        <button type="submit" className="button button-primary composer-send" disabled={submission.pending || (!text.trim() && !file)} data-testid="composer-send">
          <Icon name="send" className="icon icon-directional" />
          <span>{t('composer.send')}</span>
        </button>
      </div>
      <p className="composer-hint muted" id="composer-hint">
        {t('composer.hint')}
      </p>
    </form>
  );
}
