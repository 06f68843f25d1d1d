import { useEffect, useMemo, useState } from 'react';
import { archiveInput } from '../../../../shared/invoices/schemas';
import type { InvoiceArchiveProgress, InvoiceArchiveView } from '../../../../shared/invoices/types';
import { call, onEvent } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/FormDialogFooter';
import { FormDateField } from '../../forms/FormDateField';
import { useContractForm } from '../../forms/use-contract-form';
import { officeDay } from '../../format/dates';
import { useLanguageStore } from '../../i18n/language-store';
import { plural } from '../../i18n/plural';
import { useT } from '../../i18n/use-t';
import { downloadArchive } from './download-archive';

type Stage = { kind: 'exporting' } | { kind: 'downloading'; share: number } | { kind: 'saved'; archive: InvoiceArchiveView };

/**
 * The archive export: a range of office days, then the core's progress as it prints each issued
 * document, then the zip read piece by piece and saved. Supervisors and admins only.
 */
export function InvoiceArchiveDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const defaults = useMemo(() => {
    const today = officeDay(new Date());
    return { from: `${today.slice(0, 8)}01`, to: today };
  }, []);
  const form = useContractForm(archiveInput, defaults);
  const [stage, setStage] = useState<Stage | null>(null);
  const [progress, setProgress] = useState<InvoiceArchiveProgress | null>(null);
  // Only this window hears of its own export (the event goes to the caller's session).
  useEffect(() => onEvent('invoices.archiveProgress', setProgress), []);
  const onSubmit = form.submit(async (values) => {
    setProgress(null);
    setStage({ kind: 'exporting' });
    try {
      const archive = await call('invoices.archive', values);
      setStage({ kind: 'downloading', share: 0 });
      await downloadArchive(archive, (share) => setStage({ kind: 'downloading', share }));
      setStage({ kind: 'saved', archive });
    } catch (thrown) {
      setStage(null);
      setProgress(null);
      throw thrown;
    }
  });
  const busy = stage !== null && stage.kind !== 'saved';
  return (
    <Dialog title={t('invoices.archive.title')} onClose={onClose} busy={busy} testId="invoice-archive">
      <form noValidate onSubmit={onSubmit}>
        <div className="dialog-body form">
          <p className="muted">{t('invoices.archive.intro')}</p>
          {form.formMessage ? (
            <Alert tone="error" testId="invoice-archive-error">
              {form.formMessage}
            </Alert>
          ) : null}
          <div className="field-row">
            <FormDateField form={form} name="from" label={t('invoices.archive.from')} testId="invoice-archive-from" />
            <FormDateField form={form} name="to" label={t('invoices.archive.to')} testId="invoice-archive-to" />
          </div>
          {/* The documents' bar stays, full, beside the result: how many were prepared is part of what happened. */}
          {stage ? (
            <ArchiveProgress
              label={t('invoices.archive.exportingLabel')}
              text={t(stage.kind === 'exporting' ? 'invoices.archive.exporting' : 'invoices.archive.prepared', { done: progress?.done ?? 0, total: progress?.total ?? '…' })}
              share={progress ? progress.done / progress.total : 0}
              testId="invoice-archive-progress"
            />
          ) : null}
          {stage?.kind === 'downloading' ? (
            <ArchiveProgress label={t('invoices.archive.downloadingLabel')} text={t('invoices.archive.downloading', { percent: Math.round(stage.share * 100) })} share={stage.share} testId="invoice-archive-download" />
          ) : null}
          {stage?.kind === 'saved' ? (
            <Alert tone="success" testId="invoice-archive-saved">
              {plural(t, language, 'invoices.archive.saved', stage.archive.documents, { fileName: stage.archive.fileName })}
            </Alert>
          ) : null}
        </div>
        {stage?.kind === 'saved' ? (
          <div className="dialog-footer">
            <button type="button" className="button button-primary" onClick={onClose} data-testid="invoice-archive-close">
              {t('invoices.archive.close')}
            </button>
          </div>
        ) : (
          <FormDialogFooter submitLabel={t('invoices.archive.submit')} pending={busy} onCancel={onClose} testIdPrefix="invoice-archive" />
        )}
      </form>
    </Dialog>
  );
}

function ArchiveProgress({ label, text, share, testId }: { label: string; text: string; share: number; testId: string }) {
  const percent = Math.round(share * 100);
  return (
    <div className="import-progress" data-testid={testId}>
      <p aria-live="polite">{text}</p>
      <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <span className="progress-fill" style={{ inlineSize: `${percent}%` }} />
      </div>
    </div>
  );
}
