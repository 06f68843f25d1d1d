import { useT } from '../i18n/use-t';

/** A conversation's unread count, as the list, the contact panel and the catalogue show it; nothing at zero. */
export function UnreadBadge({ count }: { count: number }) {
  const t = useT();
  if (count <= 0) return null;
  return (
    <span className="unread-badge" aria-label={t('inbox.unread', { count })}>
      {count > 99 ? '99+' : count}
    </span>
  );
}
