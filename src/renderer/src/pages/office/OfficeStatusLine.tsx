import { useCallback, useEffect, useState } from 'react';
import type { OfficeStatus } from '../../../../shared/office/types';
import { call, onEvent, onReconnect } from '../../api/client';
import { Icon } from '../../components/icons';
import { useOfficeFormat } from '../../format/use-office-format';
import { useT } from '../../i18n/use-t';

/** A minute: the line says "closes at 13:00", so it need not be fresher than that. */
const refreshMs = 60_000;

/** "Open now, closes 13:00" or "Closed now, opens Sunday 09:00", from the office calendar, kept fresh. */
export function OfficeStatusLine() {
  const t = useT();
  const office = useOfficeFormat();
  const [status, setStatus] = useState<OfficeStatus | null>(null);

  const load = useCallback(() => {
    call('office.status', {}).then(setStatus, () => undefined);
  }, []);
  useEffect(() => {
    load();
    const timer = setInterval(load, refreshMs);
    const offChanged = onEvent('office.changed', load);
    const offReconnect = onReconnect(load);
    return () => {
      clearInterval(timer);
      offChanged();
      offReconnect();
    };
  }, [load]);

  if (!status) return null;
  // The same office day reads as a time alone; another day needs its name.
  const when = (iso: string) => (office.officeDay(iso) === status.officeDay ? office.formatTime(iso) : office.formatWeekdayTime(iso));
  const text = status.isOpen
    ? t('office.status.openUntil', { time: when(status.closesAt!) })
    : status.nextOpening
      ? t('office.status.closedOpens', { time: when(status.nextOpening) })
      : t('office.status.closedNever');
  return (
    <p className={status.isOpen ? 'office-status is-open' : 'office-status'} role="status" aria-label={t('office.status.label')} data-testid="office-status" data-open={status.isOpen}>
      <Icon name="clock" className="icon icon-small" />
      <span>{text}</span>
      {status.holiday ? <span className="office-status-holiday">{t('office.status.holiday', { name: status.holiday })}</span> : null}
    </p>
  );
}
