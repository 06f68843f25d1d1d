import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ConversationView } from '../../../../shared/inbox-types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Icon } from '../../components/icons';
import { useSubmit } from '../../hooks/use-submit';
import { isolate } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { findNumber, useNumbersStore } from '../../stores/numbers-store';
import { useThreadStore } from '../../stores/thread-store';
import { TemplateButton } from '../templates/TemplateButton';

const fields = ['content'] as const;
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

  async function send() {
    const content = text;
    if (!content.trim() || submission.pending) return;
    const ok = await submission.run(async () => {
      const message = await call('messages.send', { conversationId: conversation.id, content });
      useThreadStore.getState().addMessages(conversation.id, [message]);
    });
    // Refused: the text stays for another try. Sent: clear it, unless more was typed meanwhile.
    if (ok) {
      setText((current) => (current === content ? '' : current));
      if (drafts.get(conversation.id) === content) drafts.delete(conversation.id);
    }
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

  const error = submission.shown.fields.content ?? submission.shown.formMessage;
  const offline = number && number.connection.state !== 'CONNECTED';
  const removed = numbersLoaded && !number;
  return (
    <form className="composer" noValidate onSubmit={onSubmit} data-testid="composer">
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
      <div className="composer-row">
        <TemplateButton conversation={conversation} disabled={removed} />
        <textarea
          className="input composer-input"
          value={text}
          onChange={(event) => change(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder={t('composer.placeholder')}
          aria-label={t('composer.label')}
          aria-describedby="composer-hint"
          aria-invalid={error ? true : undefined}
          dir="auto"
          rows={1}
          data-testid="composer-input"
        />
        <button type="submit" className="button button-primary composer-send" disabled={submission.pending || !text.trim()} data-testid="composer-send">
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
