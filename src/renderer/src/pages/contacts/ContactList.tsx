import { Alert } from '../../components/Alert';
import { VirtualList } from '../../components/VirtualList';
import { describeError } from '../../i18n/errors';
import { useT } from '../../i18n/use-t';
import { useContactsStore } from '../../stores/contacts-store';
import { ContactRow, contactRowHeight } from './ContactRow';

function EmptyList() {
  const t = useT();
  const filters = useContactsStore((state) => state.filters);
  const text = filters.search.trim() || filters.tag ? t('contacts.emptyFiltered') : filters.dueToday ? t('contacts.emptyDueToday') : t('contacts.empty');
  return (
    <div className="pane-note" data-testid="contact-list-empty">
      <p className="muted">{text}</p>
    </div>
  );
}

export function ContactList() {
  const t = useT();
  const items = useContactsStore((state) => state.items);
  const next = useContactsStore((state) => state.next);
  const loadingMore = useContactsStore((state) => state.loadingMore);
  const error = useContactsStore((state) => state.error);
  const search = useContactsStore((state) => state.filters.search);
  const selectedId = useContactsStore((state) => state.selectedId);
  const loadMore = useContactsStore((state) => state.loadMore);
  const select = useContactsStore((state) => state.select);

  return (
    <div className="contact-pane">
      {error ? (
        <div className="contact-pane-alert">
          <Alert tone="error" testId="contacts-error">
            {describeError(t, error).formMessage}
          </Alert>
        </div>
      ) : null}
      {items && items.length === 0 ? (
        <EmptyList />
      ) : (
        <VirtualList
          items={items ?? []}
          rowHeight={contactRowHeight}
          getKey={(c) => c.id}
          renderRow={(contact) => <ContactRow contact={contact} selected={contact.id === selectedId} search={search} onOpen={select} />}
          onEndReached={() => void loadMore()}
          footer={next && loadingMore ? <p className="muted contact-list-more">{t('contacts.loadingMore')}</p> : undefined}
          label={t('contacts.listLabel')}
          testId="contact-list"
        />
      )}
    </div>
  );
}
