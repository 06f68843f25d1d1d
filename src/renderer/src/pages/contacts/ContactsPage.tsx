import { useEffect, useState } from 'react';
import type { ContactView } from '../../../../shared/contacts/types';
import type { ApiError } from '../../../../shared/errors';
import type { PublicUser } from '../../../../shared/users/types';
import { toApiError } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Icon } from '../../components/icons';
import { describeError } from '../../i18n/errors';
import { useT } from '../../i18n/use-t';
import { useContactsStore, watchContacts } from '../../stores/contacts-store';
import { canTransferContacts } from '../shell/access';
import { ContactFormDialog } from './ContactFormDialog';
import { ContactList } from './ContactList';
import { ContactPanel } from './ContactPanel';
import { ContactsToolbar } from './ContactsToolbar';
import { downloadContacts } from './export-contacts';
import { ImportDialog } from './ImportDialog';

type Dialog = { kind: 'create' } | { kind: 'edit'; contact: ContactView } | { kind: 'import' } | null;

export function ContactsPage({ user }: { user: PublicUser }) {
  const t = useT();
  const selectedId = useContactsStore((state) => state.selectedId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<ApiError | null>(null);
  const transfer = canTransferContacts(user.role);

  useEffect(() => watchContacts(), []);

  async function onExport() {
    setExporting(true);
    setExportError(null);
    try {
      await downloadContacts(useContactsStore.getState().filters, t('contacts.exportFileName'));
    } catch (thrown) {
      setExportError(toApiError(thrown));
    } finally {
      setExporting(false);
    }
  }

  const close = () => setDialog(null);
  return (
    <section className="contacts" data-testid="contacts-page">
      <header className="contacts-header">
        <h1 className="page-title">{t('contacts.title')}</h1>
        <div className="page-actions">
          {transfer ? (
            <>
              <button type="button" className="button button-secondary" onClick={() => setDialog({ kind: 'import' })} data-testid="contacts-import">
                <Icon name="upload" />
                {t('contacts.import')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => void onExport()} disabled={exporting} data-testid="contacts-export">
                <Icon name="download" />
                {exporting ? t('contacts.exporting') : t('contacts.export')}
              </button>
            </>
          ) : null}
          <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'create' })} data-testid="contacts-add">
            <Icon name="plus" />
            {t('contacts.add')}
          </button>
        </div>
      </header>
      {exportError ? (
        <div className="contacts-alert">
          <Alert tone="error" testId="contacts-export-error">
            {describeError(t, exportError).formMessage}
          </Alert>
        </div>
      ) : null}
      <div className="contacts-body">
        <div className="contacts-list">
          <ContactsToolbar />
          <ContactList />
        </div>
        <div className="contacts-details">
          {selectedId !== null ? (
            <ContactPanel key={selectedId} id={selectedId} me={user} onEdit={(contact) => setDialog({ kind: 'edit', contact })} />
          ) : (
            <div className="thread-placeholder" data-testid="contact-placeholder">
              <span className="thread-placeholder-icon" aria-hidden="true">
                <Icon name="users" />
              </span>
              <p className="muted">{t('contacts.noSelection')}</p>
            </div>
          )}
        </div>
      </div>
      {dialog?.kind === 'create' ? <ContactFormDialog onClose={close} onSaved={(contact) => useContactsStore.getState().select(contact.id)} /> : null}
      {dialog?.kind === 'edit' ? <ContactFormDialog contact={dialog.contact} onClose={close} onSaved={() => undefined} /> : null}
      {dialog?.kind === 'import' ? <ImportDialog onClose={close} /> : null}
    </section>
  );
}
