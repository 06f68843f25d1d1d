import { channelNames } from '../../shared/names';
import type { ApiResult } from '../../shared/errors';
import { ipcEventChannel } from '../../shared/wire';
import type { EventBus } from '../events/event-bus';
import { reaches } from '../events/event-bus';
import type { Router } from '../rpc/router';
import type { Presence } from '../services/auth/presence';
import type { ActiveSession } from '../services/auth/session-store';

/** The parts of Electron's WebContents the binding uses. */
export interface WindowContents {
  readonly id: number;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  once(event: 'destroyed', listener: () => void): unknown;
}

/** The parts of an `ipcMain.handle` event the binding uses. */
export interface InvokeEvent {
  sender: WindowContents;
  senderFrame: { url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface IpcBindingDeps {
  ipcMain: IpcMainLike;
  router: Pick<Router, 'call'>;
  bus: Pick<EventBus, 'subscribe'>;
  /** Whether a frame URL is the app's own page (see desktop-paths.appPage). */
  isAppUrl(url: string): boolean;
  /** Told which user each window is signed in as, and when it closes («متصل» in the team list). */
  presence?: Pick<Presence, 'track'>;
}

/** Longer than any token the core issues; anything else is not a token. */
const maxTokenLength = 512;

const forbidden: ApiResult<never> = {
  success: false,
  error: { code: 'FORBIDDEN', message: 'Calls are accepted only from the app window' },
};

/**
 * Serves every contract channel over `ipcMain.handle` and pushes bus events to the windows
 * whose session they are for. Each window's session is the one the router reported after
 * that window's last call, and is forgotten when the window's contents are destroyed.
 */
export function bindIpc(deps: IpcBindingDeps): { dispose(): void } {
  const windows = new Map<number, { contents: WindowContents; session: ActiveSession | null }>();

  let disposed = false;
  /** After dispose the core is closing: a window destroyed then changes nobody's presence (the next start resets it). */
  function present(contents: WindowContents, session: ActiveSession | null): void {
    if (!disposed) deps.presence?.track(`window:${contents.id}`, session?.userId ?? null);
  }

  function remember(contents: WindowContents, session: ActiveSession | null): void {
    const known = windows.get(contents.id);
    if (known) {
      known.session = session;
      present(contents, session);
      return;
    }
    if (contents.isDestroyed()) return;
    windows.set(contents.id, { contents, session });
    present(contents, session);
    contents.once('destroyed', () => {
      windows.delete(contents.id);
      present(contents, null);
    });
  }

  for (const channel of channelNames) {
    deps.ipcMain.handle(channel, async (event, input, token) => {
      const frameUrl = event.senderFrame?.url;
      if (frameUrl === undefined || !deps.isAppUrl(frameUrl)) return forbidden;
      const outcome = await deps.router.call(channel, input, {
        clientKey: `window:${event.sender.id}`,
        // The desktop window is on the host computer by definition.
        local: true,
        ...(typeof token === 'string' && token.length <= maxTokenLength ? { token } : {}),
      });
      remember(event.sender, outcome.session);
      return outcome.result;
    });
  }

  const unsubscribe = deps.bus.subscribe(({ event, data, audience }) => {
    for (const window of windows.values()) {
      if (window.contents.isDestroyed() || !reaches(audience, window.session)) continue;
      window.contents.send(ipcEventChannel, { event, data });
      // A window told its session ended is signed out: it gets nothing more until it signs in.
      if (event === 'session.ended') {
        window.session = null;
        present(window.contents, null);
      }
    }
  });

  return {
    dispose() {
      disposed = true;
      unsubscribe();
      for (const channel of channelNames) deps.ipcMain.removeHandler(channel);
      windows.clear();
    },
  };
}
