import { create } from 'zustand';
import type { ApiError } from '../../../shared/errors';
import type { MessageView } from '../../../shared/inbox/types';
import { ApiCallError, call, isConnectionLost, onReconnect, toApiError } from '../api/client';
import { newClientId } from './client-id';
import { useConnectionStore } from './connection-store';
import { readStored, writeStored } from './local-storage';
import { useSessionStore } from './session-store';
import { useThreadStore } from './thread-store';

/**
 * An answer the agent sent that the desk has not confirmed yet. It is written to this browser
 * before the call goes out, so a dropped connection, a host restart or a reload loses nothing;
 * it is sent again (once: the core knows its `clientId`) when the desk is back.
 */
export interface PendingAnswer {
  clientId: string;
  /** Sent only while this user is signed in here. */
  userId: number;
  conversationId: number;
  content: string;
  /** Sent as a WhatsApp reply quoting this message. */
  replyToId?: number;
  /** When the agent pressed send (ISO). */
  createdAt: string;
  /** The core refused it for good (the number was removed, the conversation is gone…): shown, not retried. */
  refusal: ApiError | null;
}

const storageKey = 'meras.pendingAnswers';

function readAnswers(): PendingAnswer[] {
  try {
    const parsed: unknown = JSON.parse(readStored(storageKey) ?? '[]');
    return Array.isArray(parsed) ? (parsed as PendingAnswer[]).filter((a) => typeof a?.clientId === 'string' && typeof a.content === 'string') : [];
  } catch {
    return [];
  }
}

interface PendingState {
  /** Every user's, oldest first: the order they go out in. */
  answers: PendingAnswer[];
}

export const usePendingAnswersStore = create<PendingState>()(() => ({ answers: readAnswers() }));

function save(answers: PendingAnswer[]): void {
  usePendingAnswersStore.setState({ answers });
  writeStored(storageKey, answers.length > 0 ? JSON.stringify(answers) : null);
}

const remove = (clientId: string) => save(usePendingAnswersStore.getState().answers.filter((a) => a.clientId !== clientId));

/** What the composer hears back: the stored message, or that the answer waits for the desk. */
export type SendOutcome = { kind: 'sent'; message: MessageView } | { kind: 'waiting' };

/** Composers waiting for their own answer's first try; refusals go back to them (the text is still in the box). */
const waiters = new Map<string, { resolve(outcome: SendOutcome): void; reject(error: unknown): void }>();

function settle(clientId: string, outcome: SendOutcome | { error: unknown }): void {
  const waiter = waiters.get(clientId);
  if (!waiter) return;
  waiters.delete(clientId);
  if ('error' in outcome) waiter.reject(outcome.error);
  else waiter.resolve(outcome);
}

/** Every answer of this user still to send hears that it waits (the desk is away). */
function settleWaiting(userId: number): void {
  for (const answer of usePendingAnswersStore.getState().answers) if (answer.userId === userId) settle(answer.clientId, { kind: 'waiting' });
}

let running: Promise<void> | null = null;
let rateTimer: ReturnType<typeof setTimeout> | undefined;

/** Sends this user's waiting answers one at a time, oldest first; stops at the first that cannot reach the desk. */
export function flushAnswers(): Promise<void> {
  running ??= drain().finally(() => {
    running = null;
  });
  return running;
}

async function drain(): Promise<void> {
  for (;;) {
    const session = useSessionStore.getState();
    const userId = session.user?.id;
    if (session.phase !== 'signedIn' || userId === undefined) return;
    const next = usePendingAnswersStore.getState().answers.find((a) => a.userId === userId && a.refusal === null);
    if (!next) return;
    try {
      const message = await call('messages.send', { conversationId: next.conversationId, content: next.content, clientId: next.clientId, ...(next.replyToId !== undefined ? { replyToId: next.replyToId } : {}) });
      remove(next.clientId);
      useThreadStore.getState().addMessages(next.conversationId, [message]);
      settle(next.clientId, { kind: 'sent', message });
    } catch (error) {
      const apiError = toApiError(error);
      if (isConnectionLost(error) || apiError.code === 'UNAUTHORIZED') {
        // Tried again on reconnect, or once this user signs in again.
        settleWaiting(userId);
        return;
      }
      if (apiError.code === 'RATE_LIMIT_EXCEEDED') {
        settleWaiting(userId);
        if (rateTimer !== undefined) clearTimeout(rateTimer);
        rateTimer = setTimeout(() => void flushAnswers(), (apiError.retryAfter ?? 5) * 1000);
        return;
      }
      if (waiters.has(next.clientId)) {
        // Refused at once, as before there was a queue: the composer shows why and keeps the text.
        remove(next.clientId);
        settle(next.clientId, { error });
      } else {
        save(usePendingAnswersStore.getState().answers.map((a) => (a.clientId === next.clientId ? { ...a, refusal: apiError } : a)));
      }
    }
  }
}

/**
 * The composer's send for a text answer: kept in this browser first, then sent in order after
 * any answers still waiting. Resolves with the message, or `waiting` when the desk cannot be
 * reached (the answer shows in the thread with a "waiting for the desk" mark); rejects with
 * the core's refusal.
 */
export function sendAnswer(conversationId: number, content: string, replyToId?: number): Promise<SendOutcome> {
  const userId = useSessionStore.getState().user?.id;
  if (userId === undefined) return Promise.reject(new ApiCallError({ code: 'UNAUTHORIZED', message: 'Not signed in' }));
  const answer: PendingAnswer = { clientId: newClientId(), userId, conversationId, content, ...(replyToId !== undefined ? { replyToId } : {}), createdAt: new Date().toISOString(), refusal: null };
  save([...usePendingAnswersStore.getState().answers, answer]);
  const outcome = new Promise<SendOutcome>((resolve, reject) => waiters.set(answer.clientId, { resolve, reject }));
  void flushAnswers();
  // A host that is away may take long to refuse a connection: the agent does not wait for it.
  if (!useConnectionStore.getState().deskReachable) settle(answer.clientId, { kind: 'waiting' });
  return outcome;
}

/** The agent gives up on an answer the core refused. */
export function discardAnswer(clientId: string): void {
  remove(clientId);
}

/** This user's answers for one conversation that the thread does not show yet, oldest first. */
export function pendingFor(answers: readonly PendingAnswer[], userId: number | undefined, conversationId: number, shown: readonly MessageView[] | null): PendingAnswer[] {
  const stored = new Set((shown ?? []).flatMap((m) => (m.clientId ? [m.clientId] : [])));
  return answers.filter((a) => a.userId === userId && a.conversationId === conversationId && !stored.has(a.clientId));
}

/** For the signed-in session: send what waits now, after every reconnect, and follow other tabs' queues. */
export function watchPendingAnswers(): () => void {
  void flushAnswers();
  const offReconnect = onReconnect(() => void flushAnswers());
  const onStorage = (event: StorageEvent) => {
    if (event.key === storageKey) usePendingAnswersStore.setState({ answers: readAnswers() });
  };
  window.addEventListener('storage', onStorage);
  return () => {
    offReconnect();
    window.removeEventListener('storage', onStorage);
    if (rateTimer !== undefined) clearTimeout(rateTimer);
    rateTimer = undefined;
  };
}
