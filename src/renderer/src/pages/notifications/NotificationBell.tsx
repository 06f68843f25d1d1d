import { useEffect, useId, useRef, useState } from 'react';
import { Icon } from '../../components/icons';
import { useLanguageStore } from '../../i18n/language-store';
import { plural } from '../../i18n/plural';
import { useT } from '../../i18n/use-t';
import { useNotificationsStore } from '../../stores/notifications-store';
import { NotificationPanel } from './NotificationPanel';

/** The bell at the top of the navigation: the unread count, live, and the list on a click. */
export function NotificationBell() {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const unread = useNotificationsStore((state) => state.unread ?? 0);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // A click elsewhere or Escape closes the list; Escape gives focus back to the bell.
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const countText = plural(t, language, 'notifications.unread', unread);
  return (
    <div className="notification-bell" ref={box}>
      <button
        ref={button}
        type="button"
        className="icon-button notification-bell-button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={`${t('notifications.bell')}: ${countText}`}
        title={countText}
        onClick={() => setOpen((was) => !was)}
        data-testid="notification-bell"
      >
        <Icon name="bell" />
        {unread > 0 ? (
          <span className="unread-badge notification-count" aria-hidden="true" data-testid="notification-count">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {open ? <NotificationPanel id={panelId} onClose={() => setOpen(false)} /> : null}
    </div>
  );
}
