import { useCallback, useEffect, useState } from 'react';
import { propertyInterestStatuses, type PropertyInterestStatus } from '../../../../shared/domain';
import type { ApiError } from '../../../../shared/errors';
import type { PropertyInterestView, PropertyView } from '../../../../shared/properties/types';
import { call, onEvent, onReconnect, toApiError } from '../../api/client';
import { Alert } from '../../components/Alert';
import { SelectField } from '../../components/SelectField';
import { describeError } from '../../i18n/errors';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { cardRefusalText } from '../properties/card-refusal';
import { formatPrice } from '../properties/property-labels';
import { useSendCard } from '../properties/use-send-card';

/** The conversation's interests, kept fresh by `interests.changed`; a late answer for another conversation is dropped. */
function useInterests(conversationId: number) {
  const [interests, setInterests] = useState<PropertyInterestView[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const load = useCallback(() => {
    let current = true;
    call('conversations.interests', { conversationId }).then(
      (value) => current && (setInterests(value), setError(null)),
      (thrown: unknown) => current && setError(toApiError(thrown)),
    );
    return () => {
      current = false;
    };
  }, [conversationId]);
  useEffect(() => {
    let cancel = load();
    const reload = () => {
      cancel();
      cancel = load();
    };
    const offChanged = onEvent('interests.changed', (data) => data.conversationId === conversationId && reload());
    const offReconnect = onReconnect(reload);
    return () => {
      cancel();
      offChanged();
      offReconnect();
    };
  }, [conversationId, load]);
  return { interests, error, fail: setError, reload: load };
}

/** The side panel's "Properties of interest": each with its status, a picker to add one from the catalogue, and removal. */
export function PropertyInterests({ conversationId }: { conversationId: number }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const { interests, error, fail, reload } = useInterests(conversationId);
  const [catalogue, setCatalogue] = useState<PropertyView[]>([]);
  const [picked, setPicked] = useState('');
  const [busy, setBusy] = useState(false);
  const card = useSendCard();
  const [cardLanguage, setCardLanguage] = useState<'ar' | 'en'>(language);

  // Read again when the interests change and when a property is added, renamed or deleted.
  const [catalogueVersion, setCatalogueVersion] = useState(0);
  useEffect(() => onEvent('properties.changed', () => setCatalogueVersion((v) => v + 1)), []);
  useEffect(() => {
    let current = true;
    call('properties.list', {}).then(
      (value) => current && setCatalogue(value),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [conversationId, interests, catalogueVersion]);

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    try {
      await action();
      reload();
    } catch (thrown) {
      fail(toApiError(thrown));
    } finally {
      setBusy(false);
    }
  }

  const taken = new Set((interests ?? []).map((i) => i.property.id));
  const available = catalogue.filter((p) => !taken.has(p.id));
  const statusOptions = propertyInterestStatuses.map((value) => ({ value, label: t(`interests.status.${value}`) }));

  return (
    <section className="property-interests" aria-labelledby={`interests-title-${conversationId}`} data-testid="property-interests">
      <h3 className="property-interests-title" id={`interests-title-${conversationId}`}>
        {t('interests.title')}
      </h3>
      {error ? (
        <Alert tone="error" testId="property-interests-error">
          {describeError(t, error).formMessage ?? t('interests.loadFailed')}
        </Alert>
      ) : null}
      {card.error ? (
        <Alert tone="error" testId="property-card-error">
          {cardRefusalText(t, card.error.error)}
        </Alert>
      ) : null}
      {interests && interests.length > 0 ? (
        <SelectField<'ar' | 'en'>
          name="card-language"
          label={t('properties.sendCardLanguage')}
          value={cardLanguage}
          options={[
            { value: 'ar', label: 'العربية' },
            { value: 'en', label: 'English' },
          ]}
          onChange={setCardLanguage}
          testId="property-card-language"
        />
      ) : null}
      {interests && interests.length === 0 ? <p className="property-interests-empty">{t('interests.empty')}</p> : null}
      {interests && interests.length > 0 ? (
        <ul className="property-interests-list">
          {interests.map(({ property, status }) => (
            <li key={property.id} className="property-interest" data-testid={`property-interest-${property.id}`}>
              <div className="property-interest-head">
                <span className="property-interest-name">{property.name}</span>
                <button
                  type="button"
                  className="button button-small button-ghost"
                  disabled={busy}
                  aria-label={t('interests.remove', { name: property.name })}
                  title={t('interests.remove', { name: property.name })}
                  onClick={() => void run(() => call('conversations.removeInterest', { conversationId, propertyId: property.id }))}
                  data-testid={`property-interest-remove-${property.id}`}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </div>
              <div className="property-interest-meta">
                <span>{t(`propertyType.${property.type}`)}</span>
                {property.location ? <span>{property.location}</span> : null}
                {property.price !== null ? <bdi>{formatPrice(t, language, property.price, property)}</bdi> : null}
              </div>
              <button
                type="button"
                className="button button-small button-secondary"
                disabled={card.sending !== null || card.wasJustSent({ conversationId, propertyId: property.id, language: cardLanguage })}
                aria-label={t('properties.sendCardNamed', { name: property.name })}
                onClick={() => void card.send({ conversationId, propertyId: property.id, language: cardLanguage })}
                data-testid={`property-interest-send-card-${property.id}`}
              >
                {card.wasJustSent({ conversationId, propertyId: property.id, language: cardLanguage }) ? t('properties.cardJustSent') : t('properties.sendCard')}
              </button>
              <SelectField<PropertyInterestStatus>
                name={`interest-status-${property.id}`}
                label={t('interests.statusLabel', { name: property.name })}
                hideLabel
                value={status}
                options={statusOptions}
                disabled={busy}
                onChange={(next) => void run(() => call('conversations.setInterest', { conversationId, propertyId: property.id, status: next }))}
                testId={`property-interest-status-${property.id}`}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {interests ? (
        catalogue.length === 0 ? (
          <p className="property-interests-empty">{t('interests.noProperties')}</p>
        ) : available.length > 0 ? (
          <form
            className="property-interests-add"
            onSubmit={(event) => {
              event.preventDefault();
              const propertyId = Number(picked);
              if (!propertyId) return;
              void run(async () => {
                await call('conversations.setInterest', { conversationId, propertyId });
                setPicked('');
              });
            }}
          >
            <SelectField
              name="interest-property"
              label={t('interests.add')}
              hideLabel
              value={picked}
              options={[{ value: '', label: t('interests.pick') }, ...available.map((p) => ({ value: String(p.id), label: p.name }))]}
              onChange={setPicked}
              disabled={busy}
              testId="property-interest-pick"
            />
            <button type="submit" className="button button-small button-secondary" disabled={busy || picked === ''} data-testid="property-interest-add">
              {t('interests.addButton')}
            </button>
          </form>
        ) : null
      ) : null}
    </section>
  );
}
