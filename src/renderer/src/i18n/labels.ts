import type { Role, UserPresence } from '../../../shared/domain';
import type { ActivityEntry, SessionEndReason } from '../../../shared/types';
import { isMessageKey } from './dictionary';
import type { Translate } from './translate';

export const roleLabel = (t: Translate, role: Role): string => t(`role.${role}`);
export const presenceLabel = (t: Translate, presence: UserPresence): string => t(`presence.${presence}`);
export const sessionEndLabel = (t: Translate, reason: SessionEndReason): string => t(`sessionEnd.${reason}`);

/** Actions the dictionary does not know yet (a newer core) are shown as the core names them. */
export function activityActionLabel(t: Translate, action: string): string {
  const key = `activity.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

export function activityTargetLabel(t: Translate, entry: ActivityEntry): string {
  if (entry.entityName) return entry.entityName;
  if (entry.entityId === null) return t('common.empty');
  const typeKey = `entity.${entry.entityType ?? ''}`;
  const type = isMessageKey(typeKey) ? t(typeKey) : (entry.entityType ?? '');
  return t('activity.target', { type, id: entry.entityId }).trim();
}
