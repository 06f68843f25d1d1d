import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../shared/csp';
import { applyContentSecurityPolicy, guardWebContents, pagePolicy, restrictPermissions } from './window-security';

type Listener = (...args: any[]) => unknown;

/** A webContents that records its listeners and window-open handler so the test can fire them. */
function fakeContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (event: string, listener: Listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler: (handler: typeof openHandler) => void (openHandler = handler),
  };
  const emit = (event: string, ...args: unknown[]) => (listeners.get(event) ?? []).forEach((l) => l(...args));
  const navigate = (event: 'will-navigate' | 'will-redirect', url: string) => {
    const details = { url, preventDefault: vi.fn() };
    emit(event, details, url);
    return details.preventDefault.mock.calls.length > 0;
  };
  return { contents, emit, navigate, windowOpen: (url: string) => openHandler!({ url }) };
}

function guarded() {
  const fake = fakeContents();
  const openExternal = vi.fn(async (_url: string) => undefined);
  const appUrl = 'file:///opt/meras/out/renderer/index.html';
  guardWebContents(fake.contents as never, { isAppUrl: (url) => url.split('#')[0] === appUrl, openExternal });
  return { ...fake, openExternal, appUrl };
}

describe('the window guard', () => {
  it('prevents navigation to another URL and lets the app page reload', () => {
    const { navigate, appUrl } = guarded();
    expect(navigate('will-navigate', 'https://evil.example/phish')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(navigate('will-navigate', `${appUrl}#/inbox`)).toBe(false);
  });

  it('window.open of an https link opens it in the system browser and is denied', () => {
    const { windowOpen, openExternal } = guarded();
    expect(windowOpen('https://wa.me/966500000000')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://wa.me/966500000000');
  });

  it('window.open of http, file, javascript and other URLs is denied without opening anything', () => {
    const { windowOpen, openExternal } = guarded();
    for (const url of ['http://example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://share/x', 'ms-msdt:/id', 'not a url', '']) {
      expect(windowOpen(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses to attach a <webview>', () => {
    const { emit } = guarded();
    const event = { preventDefault: vi.fn() };
    emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('permissions', () => {
  function restricted() {
    let request: Listener | undefined;
    let check: Listener | undefined;
    restrictPermissions({
      setPermissionRequestHandler: (handler: Listener) => void (request = handler),
      setPermissionCheckHandler: (handler: Listener) => void (check = handler),
    } as never);
    const ask = (permission: string) => {
      const callback = vi.fn();
      request!({}, permission, callback, {});
      return callback.mock.calls[0]?.[0] as boolean;
    };
    return { ask, check: (permission: string) => check!({}, permission, 'file://', {}) as boolean };
  }

  it('permission requests other than notifications are denied', () => {
    const { ask, check } = restricted();
    expect(ask('notifications')).toBe(true);
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb', 'unknown']) {
      expect(ask(permission)).toBe(false);
      expect(check(permission)).toBe(false);
    }
    expect(check('notifications')).toBe(true);
  });
});

describe('the content security policy', () => {
  function withPolicy() {
    let listener: Listener | undefined;
    applyContentSecurityPolicy({ webRequest: { onHeadersReceived: (l: Listener) => void (listener = l) } } as never, pagePolicy({ dev: true }));
    return (url: string, responseHeaders?: Record<string, string[]>) => {
      const callback = vi.fn();
      listener!({ url, responseHeaders }, callback);
      return callback.mock.calls[0]?.[0] as { responseHeaders?: Record<string, string[]> };
    };
  }

  it('is added to http(s) responses, beside the headers the server sent', () => {
    const respond = withPolicy();
    const answer = respond('http://localhost:5173/', { 'Content-Type': ['text/html'] });
    expect(answer.responseHeaders?.['Content-Type']).toEqual(['text/html']);
    expect(answer.responseHeaders?.['Content-Security-Policy']).toEqual([pagePolicy({ dev: true })]);
  });

  it('leaves file responses alone (they carry the meta tag)', () => {
    expect(withPolicy()('file:///opt/meras/out/renderer/index.html')).toEqual({});
  });

  it('is the page policy in the built app, and in dev differs only by allowing the inline Fast Refresh preamble', () => {
    expect(pagePolicy({ dev: false })).toBe(contentSecurityPolicy);
    expect(contentSecurityPolicy).toContain("script-src 'self';");
    expect(pagePolicy({ dev: true })).toBe(contentSecurityPolicy.replace("script-src 'self';", "script-src 'self' 'unsafe-inline';"));
    expect(pagePolicy({ dev: true })).not.toContain('unsafe-eval');
  });
});
