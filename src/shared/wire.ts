import type { EventName, Events } from './contract';
import type { ApiResult } from './errors';

/** Messages on the host's WebSocket (`/ws`). The Electron shell carries the same over IPC. */
export type ClientMessage = { type: 'call'; id: number; channel: string; input: unknown; token?: string };

export type ServerMessage =
  | { type: 'result'; id: number; result: ApiResult<unknown> }
  | { [E in EventName]: { type: 'event'; event: E; data: Events[E] } }[EventName];

/** The IPC channel on which the Electron shell pushes events to its window. */
export const ipcEventChannel = 'meras:event';
export const websocketPath = '/ws';
