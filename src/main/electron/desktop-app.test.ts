import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../shared/names';
import * as coreModule from '../core/create-core';
import { silentLogger } from '../base/logger';
import { tempDir } from '../testing/test-core';
import { autostartFileName } from './login-item';

type Listener = (...args: any[]) => unknown;

/** Electron replaced: app, windows, ipcMain and the session, all recording what they are asked. */
const electron = vi.hoisted(() => {
  class FakeEmitter {
    listeners = new Map<string, Listener[]>();
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

  const state = {
    hasLock: true,
    quits: 0,
    exits: [] as number[],
    windows: [] as FakeWindow[],
    handlers: new Map<string, Listener>(),
    permissionRequestHandler: undefined as Listener | undefined,
    appPath: '',
    errors: [] as string[],
    trays: [] as Array<{ icon: string; tooltip?: string; menu?: Array<{ label?: string; click?: () => void }>; emit(event: string): void }>,
    trayFails: false,
    privilegedSchemes: [] as Array<{ scheme: string; privileges: Record<string, boolean> }>,
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  };

  class FakeApp extends FakeEmitter {
    isPackaged = false;
    requestSingleInstanceLock = () => state.hasLock;
    quit = () => {
      state.quits++;
      this.emit('before-quit');
    };
    exit = (code: number) => void state.exits.push(code);
    whenReady = () => Promise.resolve();
    getAppPath = () => state.appPath;
    getPath = (name: string) => `/nonexistent/${name}`;
    getVersion = () => '0.1.0-test';
    getLocale = () => 'ar-SA';
    loginItems: Array<{ openAtLogin: boolean }> = [];
    setLoginItemSettings = (settings: { openAtLogin: boolean }) => void this.loginItems.push(settings);
  }

  let nextId = 1;
  class FakeWindow extends FakeEmitter {
    webContents = Object.assign(new FakeEmitter(), { id: nextId++, setWindowOpenHandler() {}, isDestroyed: () => false, send() {} });
    minimized = false;
    focused = false;
    loaded: string | undefined;
    constructor(readonly options: Record<string, any>) {
      super();
      state.windows.push(this);
    }
    static getAllWindows = () => state.windows;
    loadFile = (file: string) => ((this.loaded = file), Promise.resolve());
    loadURL = (url: string) => ((this.loaded = url), Promise.resolve());
    isVisible = () => !this.hidden;
    isDestroyed = () => false;
    isMinimized = () => this.minimized;
    restore = () => void (this.minimized = false);
    focus = () => void (this.focused = true);
    hidden = false;
    hide = () => void (this.hidden = true);
    minimize = () => void (this.minimized = true);
    show() {
      this.hidden = false;
    }
    /** Like Electron: 'close' may be prevented; otherwise the window goes and 'closed' follows. */
    close() {
      let prevented = false;
      this.emit('close', { preventDefault: () => (prevented = true) });
      if (!prevented) this.destroy();
    }
    destroy() {
      state.windows.splice(state.windows.indexOf(this), 1);
      this.emit('closed');
    }
  }

  const holder = { app: new FakeApp() };
  const reset = () => {
    Object.assign(state, { hasLock: true, quits: 0, exits: [], windows: [], handlers: new Map(), permissionRequestHandler: undefined, errors: [], trays: [], trayFails: false, privilegedSchemes: [], protocolHandlers: new Map() });
    holder.app = new FakeApp();
  };
  const ipcMain = {
    handle: (channel: string, listener: Listener) => void state.handlers.set(channel, listener),
    removeHandler: (channel: string) => void state.handlers.delete(channel),
  };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (h: Listener) => void (state.permissionRequestHandler = h),
      setPermissionCheckHandler: () => {},
      webRequest: { onHeadersReceived: () => {} },
    },
  };
  const protocol = {
    registerSchemesAsPrivileged: (schemes: typeof state.privilegedSchemes) => void state.privilegedSchemes.push(...schemes),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => void state.protocolHandlers.set(scheme, handler),
  };
  class FakeTray extends FakeEmitter {
    tooltip?: string;
    menu?: Array<{ label?: string; click?: () => void }>;
    constructor(readonly icon: string) {
      super();
      if (state.trayFails) throw new Error('no tray on this desktop');
      state.trays.push(this);
    }
    setToolTip = (tooltip: string) => void (this.tooltip = tooltip);
    setContextMenu = (menu: Array<{ label?: string; click?: () => void }>) => void (this.menu = menu);
  }
  const Menu = { buildFromTemplate: (template: unknown[]) => template };
  const dialog = { showErrorBox: (_title: string, message: string) => void state.errors.push(message) };
  return { state, holder, reset, ipcMain, session, dialog, protocol, FakeWindow, FakeTray, Menu };
});

vi.mock('electron', () => ({
  get app() {
    return electron.holder.app;
  },
  BrowserWindow: electron.FakeWindow,
  ipcMain: electron.ipcMain,
  session: electron.session,
  dialog: electron.dialog,
  protocol: electron.protocol,
  Tray: electron.FakeTray,
  Menu: electron.Menu,
  shell: { openExternal: async () => undefined },
}));

// The real createCore, watched so the test can look at the core the shell started.
vi.mock('../core/create-core', async (importOriginal) => {
  const original = await importOriginal<typeof coreModule>();
  return { ...original, createCore: vi.fn(original.createCore) };
});

const { startDesktop } = await import('./desktop-app');

function startedCore(): coreModule.Core {
  const results = vi.mocked(coreModule.createCore).mock.results;
  return results.at(-1)!.value as coreModule.Core;
}

describe('the desktop app', () => {
  let dataDir: string;
  const savedEnv = process.env.MERAS_DATA_DIR;
  const savedXdg = process.env.XDG_CONFIG_HOME;

  beforeEach(() => {
    electron.reset();
    electron.state.appPath = path.resolve('.');
    vi.mocked(coreModule.createCore).mockClear();
    dataDir = tempDir('meras-desktop-');
    process.env.MERAS_DATA_DIR = dataDir;
    // The shell applies "start at login" at start: never in the real home's autostart folder.
    process.env.XDG_CONFIG_HOME = path.join(dataDir, 'config');
  });
  afterEach(async () => {
    electron.holder.app.emit('before-quit');
    // Shutting down waits for the WAL checkpoint worker: wait for every core of this test to be
    // closed (and its quit to be counted) before the folder goes and the next test starts.
    const cores = vi.mocked(coreModule.createCore).mock.results.flatMap((r) => (r.type === 'return' ? [r.value as coreModule.Core] : []));
    await vi.waitFor(() => expect(cores.every((c) => !c.database.sqlite.open)).toBe(true), { timeout: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (savedEnv === undefined) delete process.env.MERAS_DATA_DIR;
    else process.env.MERAS_DATA_DIR = savedEnv;
    if (savedXdg === undefined) delete process.env.XDG_CONFIG_HOME;
    else process.env.XDG_CONFIG_HOME = savedXdg;
  });

  it('logs an unexpected error with a request id and keeps the window and core running', async () => {
    const proc = new EventEmitter();
    const errors: { message: string; fields?: Record<string, unknown> }[] = [];
    const logger = { ...silentLogger, error: (message: string, fields?: Record<string, unknown>) => void errors.push({ message, ...(fields ? { fields } : {}) }) };
    expect(await startDesktop({ logger, process: proc }).ready).toBe(true);
    proc.emit('uncaughtException', new Error('a stream nobody listened to'));
    proc.emit('unhandledRejection', new Error('a promise nobody awaited'));
    expect(errors.map((e) => e.message)).toEqual(['uncaught exception; the app carries on', 'unhandled rejection; the app carries on']);
    expect(errors.every((e) => /^req-/.test(String(e.fields?.requestId)))).toBe(true);
    expect(electron.state.windows).toHaveLength(1);
    expect(startedCore().router).toBeDefined();
  });

  it('starts the core in the chosen data folder with the project migrations, then opens one locked-down window', async () => {
    expect(await startDesktop({ logger: silentLogger, process: new EventEmitter() }).ready).toBe(true);
    expect(coreModule.createCore).toHaveBeenCalledWith(expect.objectContaining({ dataDir, migrationsDir: path.resolve('drizzle') }));
    expect(fs.existsSync(path.join(dataDir, 'meras.db'))).toBe(true);
    expect(electron.state.windows).toHaveLength(1);
    const [win] = electron.state.windows;
    expect(win!.loaded).toBe('app://meras/index.html');
    expect(win!.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, preload: path.resolve('out/preload/index.js') });
  });

  it('serves the built renderer through its own secure scheme, with the page policy, and nothing outside it', async () => {
    await startDesktop({ logger: silentLogger, process: new EventEmitter() }).ready;
    expect(electron.state.privilegedSchemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    const handler = electron.state.protocolHandlers.get('app')!;
    const rendererDir = path.resolve('out/renderer');
    fs.mkdirSync(rendererDir, { recursive: true });
    const made = !fs.existsSync(path.join(rendererDir, 'index.html'));
    if (made) fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Meras</title>');
    try {
      const page = await handler(new Request('app://meras/index.html'));
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect((await handler(new Request('app://meras/..%2f..%2fpackage.json'))).status).toBe(404);
      expect((await handler(new Request('app://other/index.html'))).status).toBe(404);
    } finally {
      if (made) fs.rmSync(path.join(rendererDir, 'index.html'));
    }
  });

  it('serves every contract channel over IPC from the real core', async () => {
    await startDesktop({ logger: silentLogger, process: new EventEmitter() }).ready;
    expect([...electron.state.handlers.keys()].sort()).toEqual([...channelNames].sort());
    const win = electron.state.windows[0]!;
    const frameUrl = 'app://meras/index.html';
    const answer = await electron.state.handlers.get('auth.state')!({ sender: win.webContents, senderFrame: { url: frameUrl } }, {}, undefined);
    expect(answer).toEqual({ success: true, data: { needsSetup: true, setupCodeRequired: false, user: null } });
  });

  it('denies every permission but notifications for the window session', async () => {
    await startDesktop({ logger: silentLogger, process: new EventEmitter() }).ready;
    const ask = (permission: string) => {
      const callback = vi.fn();
      electron.state.permissionRequestHandler!({}, permission, callback, {});
      return callback.mock.calls[0]![0] as boolean;
    };
    expect(ask('notifications')).toBe(true);
    expect(ask('media')).toBe(false);
  });

  it('a second launch quits at once and starts no core', async () => {
    electron.state.hasLock = false;
    expect(await startDesktop({ logger: silentLogger, process: new EventEmitter() }).ready).toBe(false);
    expect(electron.state.quits).toBe(1);
    expect(coreModule.createCore).not.toHaveBeenCalled();
    expect(electron.state.windows).toHaveLength(0);
  });

  it('a second launch brings the first window back to the front', async () => {
    await startDesktop({ logger: silentLogger, process: new EventEmitter() }).ready;
    const win = electron.state.windows[0]!;
    win.minimized = true;
    electron.holder.app.emit('second-instance', {}, ['electron', '.'], '/');
    expect(win.minimized).toBe(false);
    expect(win.focused).toBe(true);
  });

  it('closing the window hides it to the tray: the core keeps running, and the tray brings it back', async () => {
    await startDesktop({ logger: silentLogger, process: new EventEmitter() }).ready;
    const core = startedCore();
    const win = electron.state.windows[0]!;
    win.close();
    expect(win.hidden).toBe(true);
    expect(electron.state.windows).toHaveLength(1);
    expect(core.database.sqlite.open).toBe(true);
    expect(electron.state.quits).toBe(0);
    const [tray] = electron.state.trays;
    expect(tray!.tooltip).toBe('مراس ديسك');
    tray!.emit('click');
    expect(win.hidden).toBe(false);
  });

  it('minimises instead where the desktop has no tray', async () => {
    electron.state.trayFails = true;
    await startDesktop({ logger: silentLogger, process: new EventEmitter() }).ready;
    const win = electron.state.windows[0]!;
    win.close();
    expect(win.minimized).toBe(true);
    expect(win.hidden).toBe(false);
  });

  it('Quit in the tray menu closes the database and quits, and the window closes for real', async () => {
    await startDesktop({ logger: silentLogger, process: new EventEmitter() }).ready;
    const core = startedCore();
    const quit = electron.state.trays[0]!.menu!.find((item) => item.label === 'إنهاء')!;
    quit.click!();
    await vi.waitFor(() => expect(core.database.sqlite.open).toBe(false));
    expect(electron.state.handlers.size).toBe(0);
    electron.state.windows[0]!.close();
    expect(electron.state.windows).toHaveLength(0);
  });

  it('started at login (hidden), it opens no window until asked from the tray', async () => {
    const savedArgv = process.argv;
    process.argv = [...savedArgv, '--hidden'];
    try {
      await startDesktop({ logger: silentLogger, process: new EventEmitter() }).ready;
    } finally {
      process.argv = savedArgv;
    }
    expect(startedCore().database.sqlite.open).toBe(true);
    expect(electron.state.windows).toHaveLength(0);
    electron.state.trays[0]!.menu![0]!.click!();
    expect(electron.state.windows).toHaveLength(1);
  });

  it.runIf(process.platform === 'linux')('an admin turning "start at login" on writes the XDG autostart entry, and turning it off removes it', async () => {
    const autostartDir = tempDir('meras-autostart-');
    const entry = path.join(autostartDir, autostartFileName);
    await startDesktop({ logger: silentLogger, process: new EventEmitter(), autostartDir }).ready;
    expect(fs.existsSync(entry)).toBe(false);
    const router = startedCore().router;
    const window = { clientKey: 'desktop-test', local: true };
    const setup = await router.call('auth.setupAdmin', { name: 'مدير المكتب', email: 'admin@office.test', password: 'admin-pass-123' }, window);
    const token = (setup.result as { success: true; data: { token: string } }).data.token;
    const save = (startAtLogin: boolean) => router.call('desktop.updateSettings', { startAtLogin, updateUrl: null, whatsappBrowser: 'system-browser' }, { ...window, token });

    expect((await save(true)).result.success).toBe(true);
    const written = fs.readFileSync(entry, 'utf8');
    expect(written).toContain(`Exec="${process.env.APPIMAGE ?? process.execPath}" --hidden`);
    expect(written).toContain('[Desktop Entry]');

    expect((await save(false)).result.success).toBe(true);
    expect(fs.existsSync(entry)).toBe(false);
    fs.rmSync(autostartDir, { recursive: true, force: true });
  });

  it.runIf(process.platform === 'linux')('a setting saved while the app was closed is applied when it next starts', async () => {
    const autostartDir = tempDir('meras-autostart-');
    const first = startDesktop({ logger: silentLogger, process: new EventEmitter(), autostartDir });
    await first.ready;
    // Saved straight into the database, as a restored backup would leave it.
    startedCore().database.sqlite.prepare("insert into settings (key, value, updated_at) values ('desktop.startAtLogin', 'true', 0)").run();
    electron.holder.app.emit('before-quit');
    await vi.waitFor(() => expect(startedCore().database.sqlite.open).toBe(false), { timeout: 5_000 });
    expect(fs.existsSync(path.join(autostartDir, autostartFileName))).toBe(false);

    electron.reset();
    electron.state.appPath = path.resolve('.');
    await startDesktop({ logger: silentLogger, process: new EventEmitter(), autostartDir }).ready;
    expect(fs.existsSync(path.join(autostartDir, autostartFileName))).toBe(true);
    fs.rmSync(autostartDir, { recursive: true, force: true });
  });

  it('quitting closes the database once, even when asked twice', async () => {
    await startDesktop({ logger: silentLogger, process: new EventEmitter() }).ready;
    const core = startedCore();
    const close = vi.spyOn(core, 'close');
    electron.holder.app.emit('before-quit');
    electron.holder.app.emit('before-quit');
    await vi.waitFor(() => expect(core.database.sqlite.open).toBe(false));
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('--self-test migrates a temporary folder, round-trips a message and exits 0 without a window, a core or the lock', async () => {
    const savedArgv = process.argv;
    process.argv = [...savedArgv, '--self-test'];
    electron.state.hasLock = false; // an installed copy is running: the self-test does not care
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await startDesktop({ logger: silentLogger, process: new EventEmitter() }).ready).toBe(false);
    } finally {
      process.argv = savedArgv;
      write.mockRestore();
    }
    expect(electron.state.exits).toEqual([0]);
    expect(electron.state.windows).toHaveLength(0);
    expect(coreModule.createCore).not.toHaveBeenCalled();
  });

  it('activate with no window open opens one again', async () => {
    await startDesktop({ logger: silentLogger, process: new EventEmitter() }).ready;
    electron.state.windows[0]!.destroy();
    electron.holder.app.emit('activate');
    expect(electron.state.windows).toHaveLength(1);
  });

  describe('--demo', () => {
    const savedArgv = process.argv;
    const savedResources = Object.getOwnPropertyDescriptor(process, 'resourcesPath');
    beforeEach(() => {
      process.argv = [...savedArgv, '--demo'];
    });
    afterEach(() => {
      process.argv = savedArgv;
      if (savedResources) Object.defineProperty(process, 'resourcesPath', savedResources);
      else delete (process as { resourcesPath?: string }).resourcesPath;
    });

    it('is ignored by the installed app, which says so in its log and creates no demo data', async () => {
      electron.holder.app.isPackaged = true;
      // An installed app finds its migrations in its resources folder.
      Object.defineProperty(process, 'resourcesPath', { value: path.resolve('.'), configurable: true, writable: true });
      const lines: string[] = [];
      const logger = { ...silentLogger, warn: (message: string) => void lines.push(message) };
      expect(await startDesktop({ logger, process: new EventEmitter() }).ready).toBe(true);
      const core = startedCore();
      await core.seeded;
      expect(lines.some((l) => l.includes('--demo is ignored'))).toBe(true);
      expect(coreModule.createCore).toHaveBeenCalledWith(expect.objectContaining({ whatsapp: { restoreSessions: true, appBrowser: expect.objectContaining({ launchOptions: expect.any(Function) }) } }));
      expect(core.database.sqlite.prepare('select count(*) as n from users').get()).toEqual({ n: 0 });
    });

    it('runs the demo when the app is started from the project (not installed)', async () => {
      expect(await startDesktop({ logger: silentLogger, process: new EventEmitter() }).ready).toBe(true);
      const core = startedCore();
      await core.seeded;
      expect(core.database.sqlite.prepare("select count(*) as n from users where email like '%@demo.meras'").get()).not.toEqual({ n: 0 });
    });
  });

  it('a data folder that cannot be opened is reported and the app exits with an error', async () => {
    const blocker = path.join(dataDir, 'a-file');
    fs.writeFileSync(blocker, '');
    process.env.MERAS_DATA_DIR = path.join(blocker, 'inside');
    expect(await startDesktop({ logger: silentLogger, process: new EventEmitter() }).ready).toBe(false);
    expect(electron.state.exits).toEqual([1]);
    expect(electron.state.errors[0]).toContain(path.join(blocker, 'inside'));
    expect(electron.state.windows).toHaveLength(0);
  });
});
