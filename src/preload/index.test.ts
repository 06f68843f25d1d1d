import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames, eventNames } from '../shared/names';
import { ipcEventChannel } from '../shared/wire';
import type { MerasBridge } from './api';

type Listener = (...args: any[]) => unknown;

/** Electron's renderer side replaced: records what is exposed and what is invoked. */
const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, Listener[]>();
  const ipcRenderer = {
    invoke: vi.fn(async (..._args: unknown[]) => ({ success: true, data: 'answer' })),
    on: vi.fn((channel: string, listener: Listener) => {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
    }),
    removeListener: vi.fn((channel: string, listener: Listener) => {
      listeners.set(channel, (listeners.get(channel) ?? []).filter((l) => l !== listener));
    }),
  };
  const push = (channel: string, message: unknown) => (listeners.get(channel) ?? []).forEach((l) => l({ sender: 'ipc-event' }, message));
  return { exposed, listeners, ipcRenderer, push, contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api) } };
});

vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

await import('./index');
const bridge = electron.exposed.get('meras') as MerasBridge;

describe('the preload bridge', () => {
  beforeEach(() => {
    electron.ipcRenderer.invoke.mockClear();
    electron.ipcRenderer.on.mockClear();
    electron.listeners.clear();
  });

  it('exposes only window.meras, holding exactly the contract channels and onEvent', () => {
    expect([...electron.exposed.keys()]).toEqual(['meras']);
    expect(Object.keys(bridge).sort()).toEqual(['channels', 'onEvent']);
    expect(Object.keys(bridge.channels).sort()).toEqual([...channelNames].sort());
    for (const name of channelNames) expect(typeof bridge.channels[name]).toBe('function');
  });

  it('never hands the page ipcRenderer or a way to invoke an arbitrary channel', () => {
    const values = [...Object.values(bridge), ...Object.values(bridge.channels)];
    expect(values).not.toContain(electron.ipcRenderer);
    expect(values).not.toContain(electron.ipcRenderer.invoke);
    expect((bridge.channels as Record<string, unknown>)['invoke']).toBeUndefined();
  });

  it('each channel function invokes its own channel with the input and the token, and returns the answer', async () => {
    for (const name of channelNames) {
      electron.ipcRenderer.invoke.mockClear();
      await expect(bridge.channels[name]({ some: 'input' }, 'tok')).resolves.toEqual({ success: true, data: 'answer' });
      expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(name, { some: 'input' }, 'tok');
    }
  });

  it('onEvent rejects names that are not contract events', () => {
    for (const name of ['users.changed.extra', 'auth.signIn', '__proto__', '', ipcEventChannel]) {
      expect(() => bridge.onEvent(name as never, () => {})).toThrow(TypeError);
    }
    expect(electron.ipcRenderer.on).not.toHaveBeenCalledWith(expect.anything(), expect.anything());
  });

  it('onEvent passes the data of matching events only, without the IPC event object', () => {
    const received: unknown[] = [];
    bridge.onEvent('users.changed', (data) => received.push(data));
    electron.push(ipcEventChannel, { event: 'session.ended', data: { reason: 'deactivated' } });
    electron.push(ipcEventChannel, { event: 'users.changed', data: { userId: 3 } });
    electron.push(ipcEventChannel, 'garbage');
    electron.push(ipcEventChannel, null);
    expect(received).toEqual([{ userId: 3 }]);
  });

  it('the function onEvent returns stops the listener', () => {
    const received: unknown[] = [];
    const unsubscribe = bridge.onEvent(eventNames[0]!, (data) => received.push(data));
    unsubscribe();
    electron.push(ipcEventChannel, { event: eventNames[0], data: { reason: 'expired' } });
    expect(received).toEqual([]);
    expect(electron.listeners.get(ipcEventChannel)).toEqual([]);
  });
});
