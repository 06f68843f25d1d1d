import { useState } from 'react';
import type { PropertyView } from '../../../../shared/properties/types';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { SearchField } from '../../components/SearchField';
import { SelectField } from '../../components/SelectField';
import { useDebounced } from '../../hooks/use-debounced';
import { useLiveList } from '../../hooks/use-live-list';
import { isolate } from '../../i18n/labels';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { useRouteStore } from '../../stores/route-store';
import { cardRefusalText } from './card-refusal';
import { useSendCard } from './use-send-card';

/** "Send to a conversation" from the catalogue: find the conversation (customer name or phone), pick the card's language, send in one click. */
export function SendCardDialog({ property, onClose }: { property: PropertyView; onClose(): void }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const [cardLanguage, setCardLanguage] = useState<'ar' | 'en'>(language);
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), 200);
  const conversations = useLiveList('conversations.list', { limit: 20, ...(search ? { search } : {}) }, []);
  const { send, sending, error } = useSendCard();
  const open = useRouteStore((state) => state.navigateToConversation);

  return (
    <Dialog title={t('properties.sendCardNamed', { name: isolate(property.name) })} onClose={onClose} testId="send-card-dialog">
      <div className="dialog-body form">
        {error ? (
          <Alert tone="error" testId="send-card-error">
            {cardRefusalText(t, error.error)}
          </Alert>
        ) : null}
        <SelectField<'ar' | 'en'>
          name="cardLanguage"
          label={t('properties.sendCardLanguage')}
          value={cardLanguage}
          options={[
            { value: 'ar', label: 'العربية' },
            { value: 'en', label: 'English' },
          ]}
          onChange={setCardLanguage}
          testId="send-card-language"
        />
        <SearchField label={t('properties.sendCardSearch')} placeholder={t('properties.sendCardSearch')} value={text} onChange={setText} testId="send-card-search" />
        <ul className="send-card-list" data-testid="send-card-conversations">
          {(conversations.data?.data ?? []).map((c) => {
            const name = c.contact.name ?? c.contact.phone ?? '';
            return (
              <li key={c.id} className="send-card-row">
                <span>
                  <bdi>{name}</bdi> <span className="muted">· {c.numberName}</span>
                </span>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={sending !== null}
                  onClick={() =>
                    void send({ conversationId: c.id, propertyId: property.id, language: cardLanguage }).then((sent) => {
                      if (sent) open(c.id);
                    })
                  }
                  aria-label={t('properties.sendCardTo', { name })}
                  data-testid="send-card-to"
                >
                  {t('properties.sendCard')}
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </Dialog>
  );
}
