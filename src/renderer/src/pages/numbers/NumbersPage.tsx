import { useEffect, useMemo, useState } from 'react';
import type { ApiError } from '../../../../shared/errors';
import type { NumberView } from '../../../../shared/numbers/types';
import type { PublicUser } from '../../../../shared/users/types';
import { call, toApiError } from '../../api/client';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { useSubmit } from '../../hooks/use-submit';
import { describeError } from '../../i18n/errors';
import { isolate } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { useNumbersStore } from '../../stores/numbers-store';
import { useUsersStore } from '../../stores/users-store';
import { canListUsers, canManageNumbers } from '../shell/access';
import { LinkDialog } from './LinkDialog';
import { NumberCard, type NumberActions } from './NumberCard';
import { NumberFormDialog } from './NumberFormDialog';

type Open =
  | { kind: 'create' }
  | { kind: 'edit'; number: NumberView }
  | { kind: 'link'; numberId: number; force: boolean; error: ApiError | null }
  | { kind: 'relink'; number: NumberView }
  | { kind: 'remove'; number: NumberView }
  | { kind: 'disconnect'; number: NumberView }
  | null;

const noFields: readonly string[] = [];

/** Kept as a key, not a text, so switching the language re-translates it. */
interface Notice {
  key: 'numbers.linked' | 'numbers.removed';
  name: string;
}

export function NumbersPage({ user }: { user: PublicUser }) {
  const t = useT();
  const numbers = useNumbersStore((state) => state.numbers);
  const loadError = useNumbersStore((state) => state.error);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const action = useSubmit(noFields);
  const confirm = useSubmit(noFields);
  const manage = canManageNumbers(user.role);
  const close = () => setOpen(null);
  const mayListUsers = canListUsers(user.role);
  const users = useUsersStore((state) => state.users);
  const agentNames = useMemo(() => (mayListUsers && users ? new Map(users.map((u) => [u.id, u.name])) : undefined), [mayListUsers, users]);

  // The cards name each number's agents: only those who may read the user list see them.
  useEffect(() => {
    if (mayListUsers) void useUsersStore.getState().load();
  }, [mayListUsers]);

  // Status is live through events; the day's counts are not, so read them again on each visit.
  useEffect(() => {
    void useNumbersStore.getState().load();
  }, []);

  /** Starts the session and shows the QR dialog at once; the dialog follows the live status. */
  async function startLink(numberId: number, force: boolean) {
    setNotice(null);
    setOpen({ kind: 'link', numberId, force, error: null });
    try {
      useNumbersStore.getState().upsert(await call('numbers.connect', { id: numberId, force }));
    } catch (error) {
      setOpen((current) => (current?.kind === 'link' && current.numberId === numberId ? { ...current, error: toApiError(error) } : current));
    }
  }

  async function disconnect(number: NumberView) {
    close();
    setNotice(null);
    setBusyId(number.id);
    await action.run(async () => useNumbersStore.getState().upsert(await call('numbers.disconnect', { id: number.id })));
    setBusyId(null);
  }

  async function relink(number: NumberView) {
    close();
    await startLink(number.id, true);
  }

  async function remove(number: NumberView) {
    const ok = await confirm.run(async () => {
      await call('numbers.remove', { id: number.id });
      useNumbersStore.getState().drop(number.id);
    });
    if (ok) {
      close();
      setNotice({ key: 'numbers.removed', name: number.name });
    }
  }

  const actions: NumberActions | undefined = manage
    ? {
        onLink: (number) => void startLink(number.id, false),
        onShowQr: (number) => setOpen({ kind: 'link', numberId: number.id, force: false, error: null }),
        onRelink: (number) => {
          confirm.reset();
          setOpen({ kind: 'relink', number });
        },
        // Like removing, stopping a number is asked first: its customers' messages wait until it is linked again.
        onDisconnect: (number) => setOpen({ kind: 'disconnect', number }),
        onEdit: (number) => setOpen({ kind: 'edit', number }),
        onRemove: (number) => {
          confirm.reset();
          setOpen({ kind: 'remove', number });
        },
      }
    : undefined;

  const errorText = loadError ? describeError(t, loadError).formMessage : action.shown.formMessage;
  return (
    <section className="page" data-testid="numbers-page">
      <PageHeader
        title={t('numbers.title')}
        intro={t('numbers.intro')}
        actions={
          manage ? (
            <button type="button" className="button button-primary" onClick={() => setOpen({ kind: 'create' })} data-testid="numbers-add">
              <Icon name="plus" />
              {t('numbers.add')}
            </button>
          ) : null
        }
      />
      {!manage ? (
        <Alert tone="info" testId="numbers-read-only">
          {t('numbers.readOnly')}
        </Alert>
      ) : null}
      {notice ? (
        <Alert tone="success" testId="numbers-success">
          {t(notice.key, { name: isolate(notice.name) })}
        </Alert>
      ) : null}
      {errorText ? (
        <Alert tone="error" testId="numbers-error">
          {errorText}
        </Alert>
      ) : null}

      {numbers === null && !loadError ? <p className="muted">{t('app.loading')}</p> : null}
      {numbers?.length === 0 ? (
        <div className="card empty-card" data-testid="numbers-empty">
          <span className="empty-card-icon" aria-hidden="true">
            <Icon name="phone" />
          </span>
          <p className="empty-card-title">{t('numbers.empty')}</p>
          {manage ? <p className="muted">{t('numbers.emptyAdmin')}</p> : null}
        </div>
      ) : null}
      {numbers && numbers.length > 0 ? (
        <div className="number-grid" data-testid="numbers-list">
          {numbers.map((number) => (
            <NumberCard key={number.id} number={number} actions={actions} busy={busyId === number.id} agentNames={agentNames} />
          ))}
        </div>
      ) : null}

      {open?.kind === 'create' ? <NumberFormDialog canChooseEmployee={canListUsers(user.role)} onClose={close} /> : null}
      {open?.kind === 'edit' ? <NumberFormDialog number={open.number} canChooseEmployee={canListUsers(user.role)} onClose={close} /> : null}
      {open?.kind === 'link' ? (
        <LinkDialog
          key={open.numberId}
          numberId={open.numberId}
          startError={open.error}
          onRetry={() => void startLink(open.numberId, false)}
          onClose={close}
          onLinked={(number) => {
            close();
            setNotice({ key: 'numbers.linked', name: number.name });
          }}
        />
      ) : null}
      {open?.kind === 'relink' ? (
        <ConfirmDialog
          title={t('numbers.relinkTitle')}
          message={t('numbers.confirmRelink', { name: isolate(open.number.name) })}
          confirmLabel={t('numbers.relink')}
          danger
          pending={false}
          onConfirm={() => void relink(open.number)}
          onCancel={close}
        />
      ) : null}
      {open?.kind === 'disconnect' ? (
        <ConfirmDialog
          title={t('numbers.disconnectTitle')}
          message={t('numbers.confirmDisconnect', { name: isolate(open.number.name) })}
          confirmLabel={t('numbers.disconnect')}
          danger
          pending={false}
          onConfirm={() => void disconnect(open.number)}
          onCancel={close}
        />
      ) : null}
      {open?.kind === 'remove' ? (
        <ConfirmDialog
          title={t('numbers.removeTitle')}
          message={t('numbers.confirmRemove', { name: isolate(open.number.name) })}
          confirmLabel={t('numbers.remove')}
          danger
          pending={confirm.pending}
          error={confirm.shown.formMessage}
          onConfirm={() => void remove(open.number)}
          onCancel={close}
        />
      ) : null}
    </section>
  );
}
