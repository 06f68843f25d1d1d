import { beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../base/logger';
import { appPage } from './desktop-paths';

type Listener = (...args: any[]) => unknown;

/** Electron replaced: a BrowserWindow that records its options, loads and listeners. */
const electron = vi.hoisted(() => {
  const windows: FakeWindow[] = [];
  const openExternal = vi.fn(async (_url: string) => undefined);

  class FakeEmitter {
    readonly listeners = new Map<string, Listener[]>();
    on(event: string, listener: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    once(event: string, listener: Listener) {
      return this.on(event, listener);
    }
    emit(event: string, ...args: unknown[]) {
      (this.listeners.get(event) ?? []).forEach((l) => l(...args));
    }
  }

  class FakeContents extends FakeEmitter {
    openHandler: ((details: { url: string }) => { action: string }) | undefined;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.openHandler = handler;
    }
  }

  class FakeWindow extends FakeEmitter {
    readonly webContents = new FakeContents();
    visible = false;
    loaded: { url?: string; file?: string } | undefined;
    constructor(readonly options: Record<string, any>) {
      super();
      windows.push(this);
    }
    loadURL(url: string) {
      this.loaded = { url };
      return Promise.resolve();
    }
    loadFile(file: string) {
      this.loaded = { file };
      return Promise.resolve();
    }
    show() {
      this.visible = true;
    }
    isVisible() {
      return this.visible;
    }
    isDestroyed() {
      return false;
    }
  }

  return { windows, openExternal, FakeWindow };
});

vi.mock('electron', () => ({ BrowserWindow: electron.FakeWindow, shell: { openExternal: electron.openExternal } }));

const { createMainWindow } = await import('./main-window');

const preload = '/opt/meras/out/preload/index.js';

function openWindow(devServerUrl?: string) {
  createMainWindow({ page: appPage({ devServerUrl }), preload, logger: silentLogger });
  return electron.windows.at(-1)!;
}

function navigate(win: InstanceType<typeof electron.FakeWindow>, url: string): boolean {
  const event = { url, preventDefault: vi.fn() };
  win.webContents.emit('will-navigate', event, url);
  return event.preventDefault.mock.calls.length > 0;
}

describe('the main window', () => {
  beforeEach(() => {
    electron.windows.length = 0;
    electron.openExternal.mockClear();
  });

  it('is created isolated and sandboxed, without Node, with web security and the built preload', () => {
    const win = openWindow();
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload,
    });
    expect(win.options).toMatchObject({ title: 'Meras Desk', minWidth: 1024, minHeight: 680, show: false });
  });

  it('stays hidden until its first paint is ready', () => {
    const win = openWindow();
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
  });

  it('loads the built renderer through the app’s scheme, or the dev server in dev', () => {
    expect(openWindow().loaded).toEqual({ url: 'app://meras/index.html' });
    expect(openWindow('http://localhost:5173').loaded).toEqual({ url: 'http://localhost:5173/' });
  });

  it('will-navigate to another URL is prevented; the app page is allowed', () => {
    const win = openWindow();
    expect(navigate(win, 'https://evil.example/')).toBe(true);
    expect(navigate(win, 'file:///tmp/other.html')).toBe(true);
    expect(navigate(win, 'file:///opt/meras/out/renderer/index.html#/inbox')).toBe(true);
    expect(navigate(win, 'app://meras/index.html#/inbox')).toBe(false);
  });

  it('window.open of https calls shell.openExternal and is denied; other schemes are denied without it', () => {
    const win = openWindow();
    expect(win.webContents.openHandler!({ url: 'https://maps.example/place' })).toEqual({ action: 'deny' });
    expect(electron.openExternal).toHaveBeenCalledExactlyOnceWith('https://maps.example/place');
    for (const url of ['http://maps.example/', 'file:///etc/hosts', 'javascript:alert(1)']) {
      expect(win.webContents.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(electron.openExternal).toHaveBeenCalledTimes(1);
  });

  it('keeps its title when the page sets its own', () => {
    const win = openWindow();
    const event = { preventDefault: vi.fn() };
    win.emit('page-title-updated', event, 'something else');
    expect(event.preventDefault).toHaveBeenCalled();
  });
});
