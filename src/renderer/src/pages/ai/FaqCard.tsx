import { useState } from 'react';
import type { AiFaqEntry } from '../../../../shared/ai/types';
import type { ApiError } from '../../../../shared/errors';
import { call, toApiError } from '../../api/client';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/icons';
import { VirtualList } from '../../components/VirtualList';
import { describeError } from '../../i18n/errors';
import { usePlural } from '../../i18n/use-plural';
import { useT } from '../../i18n/use-t';
import { FaqFormDialog } from './FaqFormDialog';

const rowHeight = 76;
type Open = { kind: 'form'; entry?: AiFaqEntry } | { kind: 'delete'; entry: AiFaqEntry } | null;

/** The FAQ the assistant answers from: a virtualised list (it can grow to thousands), edited by admins. */
export function FaqCard({ entries, error, canEdit, onChanged }: { entries: AiFaqEntry[] | undefined; error: ApiError | null; canEdit: boolean; onChanged(): void }) {
  const t = useT();
  const plural = usePlural();
  const [open, setOpen] = useState<Open>(null);
  const [deleteError, setDeleteError] = useState<ApiError | null>(null);
  const [deleting, setDeleting] = useState(false);

  async function remove(entry: AiFaqEntry) {
    setDeleting(true);
    setDeleteError(null);
    try {
      await call('ai.deleteFaq', { id: entry.id });
      setOpen(null);
      onChanged();
    } catch (thrown) {
      setDeleteError(toApiError(thrown));
    } finally {
      setDeleting(false);
    }
  }

  const list = entries ?? [];
  return (
    <section className="card ai-card" aria-labelledby="ai-faq-title" data-testid="ai-faq">
      <div className="ai-card-head">
        <h2 className="section-title" id="ai-faq-title">
          {t('ai.faq.title')}
        </h2>
        {entries ? (
          <span className="muted" data-testid="faq-count">
            {plural('ai.faq.count', entries.length)}
          </span>
        ) : null}
        {canEdit ? (
          <button type="button" className="button button-small button-primary ai-card-action" onClick={() => setOpen({ kind: 'form' })} data-testid="faq-add">
            <Icon name="plus" className="icon icon-small" />
            <span>{t('ai.faq.add')}</span>
          </button>
        ) : null}
      </div>
      {error ? (
        <Alert tone="error" testId="faq-error">
          {describeError(t, error).formMessage ?? t('ai.loadFailed')}
        </Alert>
      ) : null}
      {entries && list.length === 0 ? (
        <p className="table-empty" data-testid="faq-empty">
          {t('ai.faq.empty')}
        </p>
      ) : (
        <div className="ai-faq-pane" style={{ blockSize: `min(60vh, ${Math.max(1, list.length) * rowHeight + 2}px)` }}>
          <VirtualList
            items={list}
            rowHeight={rowHeight}
            getKey={(entry) => entry.id}
            label={t('ai.faq.listLabel')}
            testId="faq-list"
            renderRow={(entry) => (
              <div className="ai-faq-row" data-testid={`faq-row-${entry.id}`} data-question={entry.question}>
                <div className="ai-faq-text">
                  <p className="ai-faq-question" dir="auto">
                    <span className="badge badge-gray ai-faq-language">{entry.language === 'ar' ? 'ع' : 'EN'}</span> {entry.question}
                  </p>
                  <p className="ai-faq-answer muted" dir="auto">
                    {entry.answer}
                  </p>
                </div>
                {canEdit ? (
                  <div className="ai-faq-actions">
                    <button type="button" className="button button-small button-ghost" onClick={() => setOpen({ kind: 'form', entry })} data-testid="faq-edit">
                      {t('ai.faq.edit')}
                    </button>
                    <button type="button" className="button button-small button-ghost" onClick={() => setOpen({ kind: 'delete', entry })} data-testid="faq-delete">
                      {t('ai.faq.delete')}
                    </button>
                  </div>
                ) : null}
              </div>
            )}
          />
        </div>
      )}
      {open?.kind === 'form' ? (
        <FaqFormDialog
          {...(open.entry ? { entry: open.entry } : {})}
          onClose={() => {
            setOpen(null);
            onChanged();
          }}
        />
      ) : null}
      {open?.kind === 'delete' ? (
        <ConfirmDialog
          title={t('ai.faq.deleteTitle')}
          message={t('ai.faq.deleteMessage', { question: open.entry.question })}
          confirmLabel={t('ai.faq.delete')}
          danger
          pending={deleting}
          error={deleteError ? describeError(t, deleteError).formMessage : undefined}
          onConfirm={() => void remove(open.entry)}
          onCancel={() => setOpen(null)}
        />
      ) : null}
    </section>
  );
}
