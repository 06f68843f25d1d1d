import type { EventName, Events } from '../../shared/contract';

/**
 * Who an event is for; each shell delivers it to the windows whose session matches. A service
 * names the users who may see the event's subject when it publishes (issue 13): `all` only for
 * what every signed-in user may read anyway (the catalogue, templates, a change naming nothing).
 */
export type Audience = { kind: 'all' } | { kind: 'users'; userIds: number[] } | { kind: 'sessions'; sessionIds: number[] };

export interface BusMessage<E extends EventName = EventName> {
  event: E;
  data: Events[E];
  audience: Audience;
}

type Listener = (message: BusMessage) => void;

/** In-process publish/subscribe from the core's services to the shells. */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  /** No default audience: every event says who it is for. */
  publish<E extends EventName>(event: E, data: Events[E], audience: Audience): void {
    for (const listener of this.listeners) listener({ event, data, audience } as BusMessage);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Whether a window signed in as `session` should receive a message for `audience`. */
export function reaches(audience: Audience, session: { userId: number; sessionId: number } | null): boolean {
  if (!session) return false;
  switch (audience.kind) {
    case 'all':
      return true;
    case 'users':
      return audience.userIds.includes(session.userId);
    case 'sessions':
      return audience.sessionIds.includes(session.sessionId);
  }
}
