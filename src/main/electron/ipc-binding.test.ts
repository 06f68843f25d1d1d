import { afterEach, describe, expect, it } from 'vitest';
import { channelNames } from '../../shared/names';
import type { ApiResult } from '../../shared/errors';
import { ipcEventChannel } from '../../shared/wire';
import { EventBus } from '../events/event-bus';
import type { CallMeta, CallOutcome } from '../rpc/router';
import type { ActiveSession } from '../services/auth/session-store';
import { startTestCore } from '../testing/test-core';
import { appPage } from './desktop-paths';
import { bindIpc, type InvokeEvent, type IpcMainLike, type WindowContents } from './ipc-binding';

const appUrl = 'app://meras/index.html';

/** ipcMain as far as the binding sees it: a table of handlers the test can invoke. */
function fakeIpcMain() {
  const handlers = new Map<string, (event: InvokeEvent, ...args: unknown[]) => unknown>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => void handlers.delete(channel),
  };
  return { ipcMain, handlers };
}

/** A window's webContents: records what it is sent, can be destroyed. */
function fakeWindow(id: number, frameUrl: string | null = appUrl) {
  let destroyed = false;
  const onDestroyed: (() => void)[] = [];
  const sent: unknown[] = [];
  const contents: WindowContents = {
    id,
    send: (channel, message) => {
      expect(channel).toBe(ipcEventChannel);
      sent.push(message);
    },
    isDestroyed: () => destroyed,
    once: (_event, listener) => onDestroyed.push(listener),
  };
  const event: InvokeEvent = { sender: contents, senderFrame: frameUrl === null ? null : { url: frameUrl } };
  return {
    contents,
    event,
    sent,
    destroy() {
      destroyed = true;
      onDestroyed.forEach((listener) => listener());
    },
  };
}

/** Stands in for the core's router: records each call and answers with a set session. */
function fakeRouter() {
  const calls: { channel: unknown; input: unknown; meta: CallMeta }[] = [];
  let nextSession: ActiveSession | null = null;
  const router = {
    async call(channel: unknown, input: unknown, meta: CallMeta): Promise<CallOutcome> {
      calls.push({ channel, input, meta });
      return { result: { success: true, data: { echoed: channel } }, session: nextSession };
    },
  };
  return { router, calls, answerWithSession: (session: ActiveSession | null) => void (nextSession = session) };
}

function setup(options: { devServerUrl?: string } = {}) {
  const ipc = fakeIpcMain();
  const router = fakeRouter();
  const bus = new EventBus();
  const page = appPage({ devServerUrl: options.devServerUrl });
  const binding = bindIpc({ ipcMain: ipc.ipcMain, router: router.router, bus, isAppUrl: page.isAppUrl });
  const invoke = async (channel: string, win: ReturnType<typeof fakeWindow>, input: unknown, token?: unknown) => {
    const handler = ipc.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return (await handler(win.event, input, token)) as ApiResult<unknown>;
  };
  return { ...ipc, ...router, bus, binding, invoke };
}

describe('the IPC binding', () => {
  it('registers a handler for every contract channel and nothing else', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual([...channelNames].sort());
  });

  it('a call from a foreign frame is refused and never reaches the router', async () => {
    const { invoke, calls } = setup();
    const foreignFrames = [
      fakeWindow(1, 'https://evil.example/index.html'),
      fakeWindow(2, 'file:///tmp/downloaded/index.html'),
      fakeWindow(3, 'file:///opt/meras/out/renderer/other.html'),
      fakeWindow(4, 'about:blank'),
      fakeWindow(5, 'not a url'),
      fakeWindow(6, null),
    ];
    for (const win of foreignFrames) {
      const result = await invoke('users.list', win, {}, 'stolen-token');
      expect(result).toEqual({ success: false, error: { code: 'FORBIDDEN', message: expect.any(String) } });
    }
    expect(calls).toEqual([]);
  });

  it('a call from the app page reaches the router with its token and window key, and the result comes back', async () => {
    const { invoke, calls } = setup();
    const win = fakeWindow(7, `${appUrl}#/settings/users`);
    const result = await invoke('users.list', win, { any: 'input' }, 'the-token');
    expect(result).toEqual({ success: true, data: { echoed: 'users.list' } });
    expect(calls).toEqual([{ channel: 'users.list', input: { any: 'input' }, meta: { token: 'the-token', clientKey: 'window:7', local: true } }]);
  });

  it('a call with no token, or with something that is not a token, reaches the router without one', async () => {
    const { invoke, calls } = setup();
    const win = fakeWindow(8);
    await invoke('auth.state', win, {});
    await invoke('auth.state', win, {}, { not: 'a string' });
    await invoke('auth.state', win, {}, 'x'.repeat(10_000));
    expect(calls.map((c) => c.meta)).toEqual([{ clientKey: 'window:8', local: true }, { clientKey: 'window:8', local: true }, { clientKey: 'window:8', local: true }]);
  });

  it('in dev, calls from the dev server page are served and calls from other origins are refused', async () => {
    const { invoke, calls } = setup({ devServerUrl: 'http://localhost:5173/' });
    expect((await invoke('auth.state', fakeWindow(1, 'http://localhost:5173/#/inbox'), {})).success).toBe(true);
    expect((await invoke('auth.state', fakeWindow(2, 'http://localhost:5174/'), {})).success).toBe(false);
    expect((await invoke('auth.state', fakeWindow(3, appUrl), {})).success).toBe(false);
    expect(calls).toHaveLength(1);
  });

  it('an event for a session reaches only the window signed in with that session', async () => {
    const { invoke, bus, answerWithSession } = setup();
    const alice = fakeWindow(1);
    const bob = fakeWindow(2);
    const anonymous = fakeWindow(3);
    answerWithSession({ sessionId: 11, userId: 1, expiresAt: Date.now() + 60_000 });
    await invoke('auth.signIn', alice, {});
    answerWithSession({ sessionId: 22, userId: 2, expiresAt: Date.now() + 60_000 });
    await invoke('auth.signIn', bob, {});
    answerWithSession(null);
    await invoke('auth.state', anonymous, {});

    bus.publish('session.ended', { reason: 'deactivated' }, { kind: 'sessions', sessionIds: [22] });
    expect(alice.sent).toEqual([]);
    expect(bob.sent).toEqual([{ event: 'session.ended', data: { reason: 'deactivated' } }]);
    expect(anonymous.sent).toEqual([]);

    bus.publish('users.changed', { userId: 5 }, { kind: 'all' });
    expect(alice.sent).toEqual([{ event: 'users.changed', data: { userId: 5 } }]);
    expect(anonymous.sent).toEqual([]);
    // Bob's session ended: he is signed out and hears nothing more.
    expect(bob.sent).toHaveLength(1);
  });

  it('a window that signs out stops receiving events', async () => {
    const { invoke, bus, answerWithSession } = setup();
    const win = fakeWindow(1);
    answerWithSession({ sessionId: 11, userId: 1, expiresAt: Date.now() + 60_000 });
    await invoke('auth.signIn', win, {});
    answerWithSession(null);
    await invoke('auth.signOut', win, {}, 'token');
    bus.publish('users.changed', { userId: 1 }, { kind: 'all' });
    expect(win.sent).toEqual([]);
  });

  it('a destroyed window is forgotten and sent nothing', async () => {
    const { invoke, bus, answerWithSession } = setup();
    const win = fakeWindow(1);
    answerWithSession({ sessionId: 11, userId: 1, expiresAt: Date.now() + 60_000 });
    await invoke('auth.signIn', win, {});
    win.destroy();
    bus.publish('users.changed', { userId: 1 }, { kind: 'all' });
    expect(win.sent).toEqual([]);
  });

  it('dispose removes every handler and stops event delivery', async () => {
    const { invoke, bus, binding, handlers, answerWithSession } = setup();
    const win = fakeWindow(1);
    answerWithSession({ sessionId: 11, userId: 1, expiresAt: Date.now() + 60_000 });
    await invoke('auth.signIn', win, {});
    binding.dispose();
    expect(handlers.size).toBe(0);
    bus.publish('users.changed', { userId: 1 }, { kind: 'all' });
    expect(win.sent).toEqual([]);
  });
});

describe('the IPC binding on a real core', () => {
  let close: (() => void) | undefined;
  afterEach(() => close?.());

  it('a deactivated user’s window is told its session ended; the admin’s window only sees the user list change', async () => {
    const t = startTestCore();
    close = t.close;
    const ipc = fakeIpcMain();
    const page = appPage({ devServerUrl: undefined });
    bindIpc({ ipcMain: ipc.ipcMain, router: t.core.router, bus: t.core.bus, isAppUrl: page.isAppUrl });
    const call = async (win: ReturnType<typeof fakeWindow>, channel: string, input: unknown, token?: string) => {
      const result = (await ipc.handlers.get(channel)!(win.event, input, token)) as ApiResult<unknown>;
      if (!result.success) throw new Error(`${channel}: ${result.error.code}`);
      return result.data;
    };

    const adminWindow = fakeWindow(1);
    const agentWindow = fakeWindow(2);
    const signedOutWindow = fakeWindow(3);
    const { token: adminToken } = (await call(adminWindow, 'auth.setupAdmin', {
      name: 'مدير المكتب',
      email: 'admin@office.test',
      password: 'admin-pass-123',
    })) as { token: string };
    const agent = (await call(adminWindow, 'users.create', {
      name: 'وكيل',
      email: 'agent@office.test',
      password: 'agent-pass-123',
      role: 'agent',
    }, adminToken)) as { id: number };
    await call(agentWindow, 'auth.signIn', { email: 'agent@office.test', password: 'agent-pass-123' });
    await call(signedOutWindow, 'auth.state', {});
    adminWindow.sent.length = 0;

    await call(adminWindow, 'users.setActive', { id: agent.id, isActive: false }, adminToken);

    expect(agentWindow.sent).toContainEqual({ event: 'session.ended', data: { reason: 'deactivated' } });
    expect(adminWindow.sent).toContainEqual({ event: 'users.changed', data: { userId: agent.id } });
    expect(adminWindow.sent).not.toContainEqual(expect.objectContaining({ event: 'session.ended' }));
    expect(agentWindow.sent).toEqual([{ event: 'session.ended', data: { reason: 'deactivated' } }]);
    expect(signedOutWindow.sent).toEqual([]);

    // A forged frame cannot use the admin's token.
    const forged = fakeWindow(4, 'https://evil.example/');
    expect(await ipc.handlers.get('users.list')!(forged.event, {}, adminToken)).toMatchObject({ success: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('presence of desktop windows', () => {
  it('tells presence which user each window is signed in as, and when the window closes; nothing once the core is closing', async () => {
    const ipc = fakeIpcMain();
    const router = fakeRouter();
    const tracked: [string, number | null][] = [];
    const binding = bindIpc({
      ipcMain: ipc.ipcMain,
      router: router.router,
      bus: new EventBus(),
      isAppUrl: appPage({ devServerUrl: undefined }).isAppUrl,
      presence: { track: (key, userId) => void tracked.push([key, userId]) },
    });
    const invoke = (win: ReturnType<typeof fakeWindow>) => ipc.handlers.get('auth.state')!(win.event, {}, 'token');
    const first = fakeWindow(1);
    const second = fakeWindow(2);
    router.answerWithSession({ sessionId: 10, userId: 7 } as ActiveSession);
    await invoke(first);
    await invoke(second);
    first.destroy();
    expect(tracked).toEqual([
      ['window:1', 7],
      ['window:2', 7],
      ['window:1', null],
    ]);
    binding.dispose();
    second.destroy();
    expect(tracked).toHaveLength(3);
  });
});
