import type { NotificationTarget } from '../../../../shared/notifications/types';
import { addressFromHash } from '../../stores/route-address';
import { useRouteStore } from '../../stores/route-store';

/** Where each kind of subject lives; viewings and offers open once the app has their pages (`#/viewings/<id>`, `#/offers/<id>`). */
function addressOf(target: NotificationTarget): string {
  switch (target.kind) {
    case 'conversation':
      return `#/inbox/${target.id}`;
    case 'number':
      return '#/numbers';
    case 'contact':
      return '#/contacts';
    case 'user':
      return '#/users';
    case 'viewing':
      return `#/viewings/${target.id}`;
    case 'offer':
      return `#/offers/${target.id}`;
  }
}

/** Opens what a notification is about; an address this app has no page for is left alone (the notification is still read). */
export function openNotificationTarget(target: NotificationTarget | null): void {
  if (!target) return;
  if (target.kind === 'conversation') {
    useRouteStore.getState().navigateToConversation(target.id);
    return;
  }
  const hash = addressOf(target);
  if (addressFromHash(hash).notFound) return;
  window.location.hash = hash;
}
