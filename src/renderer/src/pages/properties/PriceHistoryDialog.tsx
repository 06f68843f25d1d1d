import type { PropertyView } from '../../../../shared/properties/types';
import { Dialog } from '../../components/Dialog';
import { formatDateTime } from '../../format/dates';
import { useLiveList } from '../../hooks/use-live-list';
import { isolate } from '../../i18n/labels';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { formatPrice } from './property-labels';

/** The property's price changes, newest first: old → new, who, when (office time). */
export function PriceHistoryDialog({ property, onClose }: { property: PropertyView; onClose(): void }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const history = useLiveList('properties.priceHistory', { id: property.id }, ['properties.priceChanged']);
  const money = (halalas: number | null) => (halalas === null ? t('properties.priceNone') : formatPrice(t, language, halalas, property));
  return (
    <Dialog title={t('properties.priceHistoryTitle', { name: isolate(property.name) })} onClose={onClose} testId="price-history-dialog">
      <div className="dialog-body">
        {history.data?.length === 0 ? <p className="muted">{t('properties.priceHistoryEmpty')}</p> : null}
        <ol className="price-history" data-testid="price-history">
          {(history.data ?? []).map((change) => (
            <li key={change.id} className="price-history-row" data-testid="price-history-row">
              <span className="price-history-change">
                <bdi>{t('properties.priceChange', { from: money(change.oldPrice), to: money(change.newPrice) })}</bdi>
              </span>
              <span className="muted">{t('properties.priceChangeBy', { name: change.changedBy?.name ?? '—', when: formatDateTime(change.changedAt, language) })}</span>
            </li>
          ))}
        </ol>
      </div>
    </Dialog>
  );
}
