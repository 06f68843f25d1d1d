import { useState } from 'react';
import type { BranchView } from '../../../../shared/branches/types';
import type { ApiError, FieldError } from '../../../../shared/errors';
import { call, toApiError } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { describeError } from '../../i18n/errors';
import { isolate } from '../../i18n/labels';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { BranchFormDialog } from './BranchFormDialog';
import { usageText } from './branch-usage';
import { branchName, useBranches } from './use-branches';

type Open = { kind: 'create' } | { kind: 'edit'; branch: BranchView } | { kind: 'delete'; branch: BranchView } | null;

/** Kept as a key, not a text, so switching the language re-translates it. */
interface Notice {
  key: 'branches.created' | 'branches.saved' | 'branches.archived' | 'branches.restored' | 'branches.deleted';
  name: string;
}

/** #/branches (admin): the office's branches; one in use is archived, never deleted. */
export function BranchesPage() {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const [showArchived, setShowArchived] = useState(false);
  const branches = useBranches(true);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [failure, setFailure] = useState<{ branch: BranchView; error: ApiError } | null>(null);
  const [pending, setPending] = useState(false);
  const close = () => setOpen(null);

  async function act(branch: BranchView, action: () => Promise<unknown>, key: Notice['key']) {
    setPending(true);
    setFailure(null);
    try {
      await action();
      setNotice({ key, name: branch.name });
      close();
      branches.reload();
    } catch (error) {
      setFailure({ branch, error: toApiError(error) });
      close();
    } finally {
      setPending(false);
    }
  }

  const failureText = failure ? describeFailure(failure.branch, failure.error) : null;
  function describeFailure(branch: BranchView, error: ApiError): string | undefined {
    const inUse = Array.isArray(error.details) ? error.details.find((d: FieldError) => d.code === 'in_use') : undefined;
    if (error.code === 'CONFLICT' && inUse?.params) {
      const usage = { numbers: Number(inUse.params.numbers ?? 0), users: Number(inUse.params.users ?? 0), properties: Number(inUse.params.properties ?? 0) };
      return t('branches.inUse', { name: isolate(branch.name), usage: usageText(t, language, usage) ?? '' });
    }
    return describeError(t, error).formMessage;
  }

  const list = (branches.data ?? []).filter((b) => showArchived || !b.archived);
  return (
    <section className="page" data-testid="branches-page">
      <PageHeader
        title={t('branches.title')}
        intro={t('branches.intro')}
        actions={
          <button type="button" className="button button-primary" onClick={() => setOpen({ kind: 'create' })} data-testid="branches-add">
            <Icon name="plus" />
            {t('branches.add')}
          </button>
        }
      />
      {notice ? (
        <Alert tone="success" testId="branches-success">
          {t(notice.key, { name: isolate(notice.name) })}
        </Alert>
      ) : null}
      {failureText ? (
        <Alert tone="error" testId="branches-error">
          {failureText}
        </Alert>
      ) : null}
      {branches.error ? (
        <Alert tone="error" testId="branches-load-error">
          {describeError(t, branches.error).formMessage}
        </Alert>
      ) : null}
      <label className="checkbox-field">
        <input type="checkbox" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} data-testid="branches-show-archived" />
        <span>{t('branches.showArchived')}</span>
      </label>
      {branches.data && list.length === 0 ? (
        <div className="card empty-card" data-testid="branches-empty">
          <p className="empty-card-title">{t('branches.empty')}</p>
        </div>
      ) : null}
      {list.length > 0 ? (
        <ul className="branch-list" data-testid="branches-list">
          {list.map((branch) => (
            <li key={branch.id} className="card branch-card" data-testid="branch-card" data-branch-id={branch.id}>
              <div className="branch-card-head">
                <h2 className="branch-card-name">
                  <bdi>{branchName(branch, language)}</bdi>
                </h2>
                {branch.archived ? <Badge tone="gray">{t('branches.archivedBadge')}</Badge> : null}
              </div>
              <p className="muted">
                {[branch.city, branch.address].filter(Boolean).join(t('branches.usage.separator'))}
                {branch.phone ? (
                  <>
                    {' · '}
                    <bdi dir="ltr">{branch.phone}</bdi>
                  </>
                ) : null}
              </p>
              <p className="muted">{branch.manager ? t('branches.manager', { name: isolate(branch.manager.name) }) : t('branches.noManager')}</p>
              <p className="branch-card-usage" data-testid="branch-usage">
                {usageText(t, language, branch.usage) ?? t('branches.unused')}
              </p>
              <div className="branch-card-actions">
                <button type="button" className="button button-ghost" onClick={() => setOpen({ kind: 'edit', branch })} aria-label={t('branches.editNamed', { name: branch.name })} data-testid="branch-edit">
                  {t('branches.edit')}
                </button>
                <button
                  type="button"
                  className="button button-ghost"
                  disabled={pending}
                  onClick={() => void act(branch, () => call('branches.setArchived', { id: branch.id, archived: !branch.archived }), branch.archived ? 'branches.restored' : 'branches.archived')}
                  aria-label={t(branch.archived ? 'branches.restoreNamed' : 'branches.archiveNamed', { name: branch.name })}
                  data-testid="branch-archive"
                >
                  {t(branch.archived ? 'branches.restore' : 'branches.archive')}
                </button>
                <button type="button" className="button button-danger-ghost" onClick={() => setOpen({ kind: 'delete', branch })} aria-label={t('branches.deleteNamed', { name: branch.name })} data-testid="branch-delete">
                  {t('branches.delete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}

      {open?.kind === 'create' ? <BranchFormDialog onClose={close} onSaved={(b) => (setNotice({ key: 'branches.created', name: b.name }), branches.reload())} /> : null}
      {open?.kind === 'edit' ? <BranchFormDialog branch={open.branch} onClose={close} onSaved={(b) => (setNotice({ key: 'branches.saved', name: b.name }), branches.reload())} /> : null}
      {open?.kind === 'delete' ? (
        <ConfirmDialog
          title={t('branches.deleteTitle')}
          message={t('branches.confirmDelete', { name: isolate(open.branch.name) })}
          confirmLabel={t('branches.delete')}
          danger
          pending={pending}
          onConfirm={() => void act(open.branch, () => call('branches.delete', { id: open.branch.id }), 'branches.deleted')}
          onCancel={close}
        />
      ) : null}
    </section>
  );
}
