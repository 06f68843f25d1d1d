import { useState, type FormEvent } from 'react';
import type { ContactNoteView } from '../../../../shared/contacts/types';
import type { PublicUser } from '../../../../shared/users/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/icons';
import { SubmitButton } from '../../components/SubmitButton';
import { TextAreaField } from '../../components/TextAreaField';
import { useOfficeFormat } from '../../format/use-office-format';
import { useSubmit } from '../../hooks/use-submit';
import { isolate } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';

const fields = ['content'] as const;

/** Only the author takes back a note; admins and supervisors may remove any (the core checks too). */
const mayDelete = (me: PublicUser, note: ContactNoteView) => me.role !== 'agent' || note.author?.id === me.id;

export function ContactNotes({ contactId, notes, me, onChanged }: { contactId: number; notes: ContactNoteView[]; me: PublicUser; onChanged(): void }) {
  const t = useT();
  const office = useOfficeFormat();
  const [content, setContent] = useState('');
  const adding = useSubmit(fields);
  const removing = useSubmit([]);
  const [deleting, setDeleting] = useState<ContactNoteView | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const ok = await adding.run(() => call('contacts.addNote', { contactId, content }));
    if (ok) {
      setContent('');
      onChanged();
    }
  }

  async function onDelete() {
    if (!deleting) return;
    const ok = await removing.run(() => call('contacts.deleteNote', { id: deleting.id }));
    if (ok) {
      setDeleting(null);
      onChanged();
    }
  }

  return (
    <section className="contact-section" aria-labelledby="contact-notes-title" data-testid="contact-notes">
      <h3 className="contact-section-title" id="contact-notes-title">
        {t('contacts.notes')}
      </h3>
      <form className="note-form" noValidate onSubmit={onSubmit}>
        {adding.shown.formMessage ? (
          <Alert tone="error" testId="note-error">
            {adding.shown.formMessage}
          </Alert>
        ) : null}
        <TextAreaField
          name="content"
          label={t('contacts.noteLabel')}
          placeholder={t('contacts.notePlaceholder')}
          value={content}
          onChange={setContent}
          error={adding.shown.fields.content}
          rows={3}
          maxLength={5000}
          testId="note-input"
        />
        <div className="note-form-actions">
          <SubmitButton label={t('contacts.addNote')} pendingLabel={t('contacts.addingNote')} pending={adding.pending} testId="note-submit" />
        </div>
      </form>
      {notes.length === 0 ? (
        <p className="muted contact-empty-line">{t('contacts.noNotes')}</p>
      ) : (
        <ul className="note-list">
          {notes.map((note) => (
            <li key={note.id} className="note" data-testid={`note-${note.id}`}>
              <p className="note-content" dir="auto">
                {note.content}
              </p>
              <div className="note-meta">
                <span className="muted" data-testid="note-meta">
                  {t('contacts.noteBy', { name: isolate(note.author?.name ?? t('contacts.formerUser')), time: office.formatDateTime(note.createdAt) })}
                </span>
                {mayDelete(me, note) ? (
                  <button type="button" className="button button-small button-danger-ghost" onClick={() => setDeleting(note)} aria-label={t('contacts.deleteNote')} data-testid="note-delete">
                    <Icon name="trash" className="icon icon-small" />
                  </button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      {deleting ? (
        <ConfirmDialog
          title={t('contacts.deleteNoteTitle')}
          message={t('contacts.confirmDeleteNote')}
          confirmLabel={t('contacts.delete')}
          danger
          pending={removing.pending}
          error={removing.hasError ? removing.shown.formMessage : undefined}
          onConfirm={() => void onDelete()}
          onCancel={() => {
            removing.reset();
            setDeleting(null);
          }}
        />
      ) : null}
    </section>
  );
}

