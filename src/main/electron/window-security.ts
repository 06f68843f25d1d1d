import type { Session, WebContents, WebPreferences } from 'electron';
import { contentSecurityPolicy } from '../../shared/csp';

/**
 * The Electron security checklist (docs/quality.md) as small functions that take what they
 * configure, so the tests can hand them fakes.
 */

/** The only web permission the app asks for: desktop notifications for new messages. */
export const allowedPermissions: ReadonlySet<string> = new Set(['notifications']);

/**
 * The page's Content-Security-Policy (src/shared/csp.ts, also the renderer's meta tag), as
 * the shell sends it in a header for http(s) responses, i.e. the dev server. In dev, React
 * Fast Refresh injects one inline module script (its preamble), so the dev header also allows
 * inline scripts; the built app never does.
 */
export function pagePolicy(options: { dev: boolean }): string {
  return options.dev ? contentSecurityPolicy.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'") : contentSecurityPolicy;
}

export function securePreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    // The spellchecker fetches dictionaries from Google's servers on Windows and Linux.
    spellcheck: false,
  };
}

/** Only https links leave the app, and only to the system browser. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * The window never navigates away from the app, never opens another window, never hosts a
 * <webview>. https links asked for with window.open (or target=_blank) open in the browser.
 */
export function guardWebContents(
  contents: GuardedContents,
  deps: { isAppUrl(url: string): boolean; openExternal(url: string): Promise<void> },
): void {
  const stayInApp = (event: { url: string; preventDefault(): void }) => {
    if (!deps.isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void deps.openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
}

type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;

/** Every permission request and check is refused except notifications. */
export function restrictPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(allowedPermissions.has(permission)));
  session.setPermissionCheckHandler((_contents, permission) => allowedPermissions.has(permission));
}

type HeaderSession = { webRequest: Pick<Session['webRequest'], 'onHeadersReceived'> };

/** Adds the CSP header to http(s) responses (the dev server); file:// pages rely on the meta tag. */
export function applyContentSecurityPolicy(session: HeaderSession, policy: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!/^https?:/i.test(details.url)) {
      callback({});
      return;
    }
    // Kept beside any policy the server sent: the browser enforces both.
    const headers: Record<string, string[]> = { ...details.responseHeaders };
    headers['Content-Security-Policy'] = [...(headers['Content-Security-Policy'] ?? []), policy];
    callback({ responseHeaders: headers });
  });
}
