import { useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/errors';
import type { PromotionView } from '../../../../shared/offers/types';
import { call, onEvent, toApiError } from '../../api/client';
import { Badge } from '../../components/Badge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/icons';
import { useQuery } from '../../hooks/use-query';
import { isolate } from '../../i18n/labels';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { actionErrorText, officeDayText } from './offer-format';
import { PromotionFormDialog } from './PromotionFormDialog';

type Open = { kind: 'create' } | { kind: 'edit'; promotion: PromotionView } | { kind: 'delete'; promotion: PromotionView } | null;

/** The office's promotions (a few a year): which is valid now, add, edit, delete. */
export function PromotionsSection() {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const list = useQuery(() => call('promotions.list', {}));
  const current = useQuery(() => call('promotions.current', {}));
  const [open, setOpen] = useState<Open>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const { reload } = list;
  const reloadCurrent = current.reload;
  useEffect(
    () =>
      onEvent('promotions.changed', () => {
        reload();
        reloadCurrent();
      }),
    [reload, reloadCurrent],
  );
  const close = () => {
    setOpen(null);
    setError(null);
  };

  async function remove(promotion: PromotionView) {
    setPending(true);
    try {
      await call('promotions.delete', { id: promotion.id });
      close();
    } catch (thrown) {
      setError(toApiError(thrown));
    } finally {
      setPending(false);
    }
  }

  const currentId = current.data?.promotion?.id;
  return (
    <section className="card promotions" aria-labelledby="promotions-title" data-testid="promotions">
      <header className="promotions-head">
        <div>
          <h2 className="promotions-title" id="promotions-title">
            {t('promotions.title')}
          </h2>
          <p className="muted">{t('promotions.intro')}</p>
        </div>
        <button type="button" className="button button-secondary" onClick={() => setOpen({ kind: 'create' })} data-testid="promotion-add">
          <Icon name="plus" />
          {t('promotions.add')}
        </button>
      </header>
      {list.data?.length === 0 ? <p className="muted">{t('promotions.empty')}</p> : null}
      <ul className="promotions-list">
        {(list.data ?? []).map((p) => (
          <li key={p.id} className="promotion" data-testid={`promotion-${p.id}`}>
            <span className="promotion-main">
              <span className="promotion-name">
                <bdi>{p.name}</bdi>
              </span>
              {p.id === currentId ? <Badge tone="green">{t('promotions.current')}</Badge> : null}
              <span className="muted">{t('promotions.range', { from: officeDayText(p.validFrom, language), until: officeDayText(p.validUntil, language) })}</span>
            </span>
            <span className="promotion-details" dir="auto">
              {language === 'en' ? (p.detailsEn ?? p.detailsAr) : p.detailsAr}
            </span>
            <span className="promotion-actions">
              <button type="button" className="button button-ghost button-small" onClick={() => setOpen({ kind: 'edit', promotion: p })} aria-label={t('promotions.editNamed', { name: p.name })} title={t('promotions.edit')}>
                <Icon name="edit" />
              </button>
              <button type="button" className="button button-danger-ghost button-small" onClick={() => setOpen({ kind: 'delete', promotion: p })} aria-label={t('promotions.deleteNamed', { name: p.name })} title={t('promotions.delete')}>
                <Icon name="trash" />
              </button>
            </span>
          </li>
        ))}
      </ul>
      {open?.kind === 'create' ? <PromotionFormDialog onClose={close} /> : null}
      {open?.kind === 'edit' ? <PromotionFormDialog promotion={open.promotion} onClose={close} /> : null}
      {open?.kind === 'delete' ? (
        <ConfirmDialog
          title={t('promotions.deleteTitle')}
          message={t('promotions.deleteMessage', { name: isolate(open.promotion.name) })}
          confirmLabel={t('promotions.delete')}
          danger
          pending={pending}
          error={error ? actionErrorText(t, error) : undefined}
          onConfirm={() => void remove(open.promotion)}
          onCancel={close}
        />
      ) : null}
    </section>
  );
}
