import type { PublicUser } from '../../../../shared/users/types';
import type { ViewingView } from '../../../../shared/viewings/types';
import { Badge } from '../../components/Badge';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { ViewingActions } from './ViewingActions';
import { statusLabel, statusTone, viewingWhen } from './viewing-labels';

/** One viewing in a side panel's list: property, status, when (with its Hijri date), who shows it, and its next steps. */
export function ViewingItem({ viewing, timeZone, user, showCustomer = false }: { viewing: ViewingView; timeZone: string; user: PublicUser; showCustomer?: boolean }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  return (
    <li className={`viewing-item viewing-${viewing.status}`} data-testid={`viewing-${viewing.id}`}>
      <div className="viewing-item-head">
        <span className="viewing-item-property">{viewing.property.name}</span>
        <Badge tone={statusTone[viewing.status]} testId={`viewing-status-${viewing.id}`}>
          {statusLabel(t, viewing.status)}
        </Badge>
      </div>
      <div className="viewing-item-when" data-testid={`viewing-when-${viewing.id}`}>
        {viewingWhen(t, language, viewing, timeZone)}
      </div>
      <div className="viewing-item-meta">
        <span>{viewing.agent.name}</span>
        {showCustomer ? <bdi>{viewing.contact.name ?? viewing.contact.phone}</bdi> : null}
        {viewing.place ? <span>{viewing.place}</span> : null}
      </div>
      {viewing.outsideHoursReason ? <div className="viewing-item-note">{t('viewings.outsideHoursNote', { reason: viewing.outsideHoursReason })}</div> : null}
      <ViewingActions viewing={viewing} user={user} />
    </li>
  );
}
