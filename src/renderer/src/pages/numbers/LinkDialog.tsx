import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../../shared/errors';
import type { NumberView } from '../../../../shared/numbers/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { useSubmit } from '../../hooks/use-submit';
import { describeError } from '../../i18n/errors';
import { disconnectReasonLabel, isolate } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { useAppInfoStore } from '../../stores/app-info-store';
import { findNumber, useNumbersStore } from '../../stores/numbers-store';
import { ConnectionBadge } from './NumberStatus';
import { PairingCodePanel } from './PairingCodePanel';
import { QrCode } from './QrCode';

interface LinkDialogProps {
  numberId: number;
  /** Why starting the session failed, if the call itself was refused. */
  startError: ApiError | null;
  onRetry(): void;
  onClose(): void;
  onLinked(number: NumberView): void;
}

const noFields: readonly string[] = [];

/**
 * Linking a number: the live QR (redrawn at each refresh), or a pairing code, until the number
 * connects, at which point the dialog closes itself and the page says so.
 */
export function LinkDialog({ numberId, startError, onRetry, onClose, onLinked }: LinkDialogProps) {
  const t = useT();
  const number = useNumbersStore((state) => findNumber(state.numbers, numberId));
  const loaded = useNumbersStore((state) => state.numbers !== null);
  const demo = useAppInfoStore((state) => state.info?.demo === true);
  const [mode, setMode] = useState<'qr' | 'phone'>('qr');
  const scan = useSubmit(noFields);
  const connection = number?.connection;

  // A re-link answers while the old session still reads CONNECTED: close only on a connection made here.
  const sawLinking = useRef(connection !== undefined && connection.state !== 'CONNECTED');
  const onLinkedRef = useRef(onLinked);
  onLinkedRef.current = onLinked;
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  useEffect(() => {
    if (loaded && !number) onCloseRef.current();
    if (!number) return;
    if (number.connection.state !== 'CONNECTED') sawLinking.current = true;
    else if (sawLinking.current) onLinkedRef.current(number);
  }, [loaded, number]);

  if (!number || !connection) return null;
  const state = connection.state;

  return (
    <Dialog title={t('link.title', { name: isolate(number.name) })} onClose={onClose} testId="qr-dialog">
      <div className="dialog-body link-body" data-state={state}>
        {startError ? (
          <Alert tone="error" testId="link-error">
            {describeError(t, startError).formMessage}
          </Alert>
        ) : null}
        {mode === 'phone' ? (
          <PairingCodePanel numberId={number.id} knownCode={connection.pairingCode} />
        ) : state === 'INITIALIZING' && connection.syncPercent !== null ? (
          <div className="link-waiting" role="status" data-testid="link-syncing">
            <span className="muted">{t('link.syncing')}</span>
            <progress className="link-sync-progress" max={100} value={connection.syncPercent} aria-hidden="true" />
            <strong data-testid="link-sync-percent">{t('numberState.syncing', { percent: connection.syncPercent })}</strong>
          </div>
        ) : state === 'INITIALIZING' ? (
          <div className="link-waiting" role="status" data-testid="link-initializing">
            <span className="spinner" aria-hidden="true" />
            <span className="muted">{t('link.initializing')}</span>
          </div>
        ) : state === 'QR_GENERATED' && connection.qr ? (
          <div className="link-qr">
            {connection.notice === 'phone_logged_out' ? (
              <Alert tone="info" testId="link-notice">
                {t('numberNotice.phone_logged_out')}
              </Alert>
            ) : null}
            <QrCode value={connection.qr} alt={t('link.qrAlt')} />
            <div className="link-steps">
              <h3 className="link-steps-title">{t('link.scanTitle')}</h3>
              <ol className="link-step-list">
                <li>{t('link.step1')}</li>
                <li>{t('link.step2')}</li>
                <li>{t('link.step3')}</li>
              </ol>
              <p className="link-round muted">
                <span data-testid="qr-round" data-round={connection.qrRound}>
                  {t('link.round', { round: connection.qrRound, rounds: connection.qrRounds })}
                </span>{' '}
                · {t('link.roundHint')}
              </p>
              {demo ? (
                <button
                  type="button"
                  className="button button-primary"
                  disabled={scan.pending}
                  onClick={() => void scan.run(() => call('numbers.demoScan', { id: number.id }))}
                  data-testid="qr-demo-scan"
                >
                  {t('link.demoScan')}
                </button>
              ) : null}
              {scan.shown.formMessage ? (
                <Alert tone="error" testId="qr-demo-error">
                  {scan.shown.formMessage}
                </Alert>
              ) : null}
            </div>
          </div>
        ) : state === 'DISCONNECTED' ? (
          <div className="link-failed">
            <Alert tone="error" testId="link-disconnected">
              <strong>{t('link.failed')}</strong>
              {connection.reason ? <> — {disconnectReasonLabel(t, connection.reason)}</> : null}
            </Alert>
            {connection.detail ? (
              <p className="link-detail muted" dir="ltr">
                {connection.detail}
              </p>
            ) : null}
            <button type="button" className="button button-primary" onClick={onRetry} data-testid="link-retry">
              {t('link.retry')}
            </button>
          </div>
        ) : (
          <div className="link-waiting">
            <ConnectionBadge connection={connection} />
          </div>
        )}
        {state === 'QR_GENERATED' || mode === 'phone' ? (
          <button type="button" className="button-link" onClick={() => setMode(mode === 'qr' ? 'phone' : 'qr')} data-testid="link-mode">
            {mode === 'qr' ? t('link.usePhone') : t('link.useQr')}
          </button>
        ) : null}
      </div>
      <div className="dialog-footer">
        <button type="button" className="button button-secondary" onClick={onClose} data-testid="qr-close">
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
