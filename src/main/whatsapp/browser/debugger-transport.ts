/**
 * Puppeteer over Electron's `webContents.debugger` instead of a debugging port. A WhatsApp
 * window of the desktop app is one page of the app's own Chromium; the debugger API reaches
 * exactly that page and nothing else, and opens nothing another program could connect to
 * (a remote debugging port would let any local process drive every page, ours included).
 *
 * The debugger speaks CDP to one page target, while Puppeteer expects a browser: like
 * Puppeteer's own ExtensionTransport (chrome.debugger), this answers the browser-level
 * commands itself — one tab, holding one page — and passes everything else through.
 */

/** The part of Electron's `Debugger` this needs (a CDP session stands in for it in tests). */
export interface PageDebugger {
  attach(protocolVersion?: string): void;
  isAttached(): boolean;
  detach(): void;
  sendCommand(method: string, commandParams?: unknown, sessionId?: string): Promise<unknown>;
  on(event: 'message', listener: (event: unknown, method: string, params: unknown, sessionId: string) => void): unknown;
  on(event: 'detach', listener: (event: unknown, reason: string) => void): unknown;
  removeListener(event: 'message' | 'detach', listener: (...args: any[]) => void): unknown;
}

/** Puppeteer's ConnectionTransport, spelled out so the core does not import Puppeteer to type it. */
export interface CdpTransport {
  send(message: string): void;
  close(): void;
  onmessage?: (message: string) => void;
  onclose?: () => void;
}

const tabSession = 'tabTargetSessionId';
const pageSession = 'pageTargetSessionId';
const tabTarget = { targetId: 'tabTargetId', type: 'tab', title: 'tab', url: 'about:blank', attached: false, canAccessOpener: false };
const pageTarget = { targetId: 'pageTargetId', type: 'page', title: 'page', url: 'about:blank', attached: false, canAccessOpener: false, browserContextId: 'defaultContext' };

interface Command {
  id: number;
  method: string;
  params?: unknown;
  sessionId?: string;
}

export class DebuggerTransport implements CdpTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  private closed = false;

  /** Attaches to the page (CDP 1.3) unless already attached. */
  static attach(target: PageDebugger): DebuggerTransport {
    if (!target.isAttached()) target.attach('1.3');
    return new DebuggerTransport(target);
  }

  private constructor(private readonly target: PageDebugger) {
    target.on('message', this.onEvent);
    target.on('detach', this.onDetach);
  }

  private readonly onEvent = (_event: unknown, method: string, params: unknown, sessionId: string) => {
    // The page's own events come without a session; its workers' and frames' with theirs.
    this.dispatch({ sessionId: sessionId || pageSession, method, params });
  };

  private readonly onDetach = () => {
    if (this.closed) return;
    this.closed = true;
    this.target.removeListener('message', this.onEvent);
    this.target.removeListener('detach', this.onDetach);
    this.onclose?.();
  };

  /** Like every Puppeteer transport: answers arrive in a later task, never inside send. */
  private dispatch(message: object): void {
    setTimeout(() => {
      if (!this.closed) this.onmessage?.(JSON.stringify(message));
    }, 0);
  }

  private reply(command: Command, result: unknown): void {
    this.dispatch({ id: command.id, sessionId: command.sessionId, method: command.method, result });
  }

  send(message: string): void {
    const command = JSON.parse(message) as Command;
    if (this.answerBrowserCommand(command)) return;
    const sessionId = command.sessionId === pageSession ? undefined : command.sessionId;
    this.target.sendCommand(command.method, command.params ?? {}, sessionId).then(
      (result) => this.dispatch({ id: command.id, sessionId: sessionId ?? pageSession, method: command.method, result }),
      (error: { message?: string; code?: number; data?: unknown }) =>
        this.dispatch({ id: command.id, sessionId: sessionId ?? pageSession, method: command.method, error: { code: error?.code ?? -32000, data: error?.data, message: error?.message ?? 'CDP error' } }),
    );
  }

  /** The browser-level commands a single page cannot answer, answered as a browser with one tab would. */
  private answerBrowserCommand(command: Command): boolean {
    switch (command.method) {
      case 'Browser.getVersion':
        this.reply(command, { protocolVersion: '1.3', product: 'Chrome/Electron', revision: 'unknown', userAgent: 'Electron', jsVersion: 'unknown' });
        return true;
      case 'Target.getBrowserContexts':
        this.reply(command, { browserContextIds: [] });
        return true;
      case 'Target.setDiscoverTargets':
        this.dispatch({ method: 'Target.targetCreated', params: { targetInfo: tabTarget } });
        this.dispatch({ method: 'Target.targetCreated', params: { targetInfo: pageTarget } });
        this.reply(command, {});
        return true;
      case 'Target.setAutoAttach':
        if (command.sessionId === tabSession) {
          this.dispatch({ method: 'Target.attachedToTarget', sessionId: tabSession, params: { targetInfo: pageTarget, sessionId: pageSession, waitingForDebugger: false } });
          this.reply(command, {});
          return true;
        }
        if (!command.sessionId) {
          this.dispatch({ method: 'Target.attachedToTarget', params: { targetInfo: tabTarget, sessionId: tabSession, waitingForDebugger: false } });
          this.reply(command, {});
          return true;
        }
        return false;
      case 'Target.createTarget':
        // One window, one page: Puppeteer's newPage() has nothing to open here.
        this.dispatch({ id: command.id, sessionId: command.sessionId, method: command.method, error: { code: -32000, message: 'This browser has one page: a WhatsApp window cannot open another' } });
        return true;
      default:
        if (command.sessionId === tabSession) {
          // The tab target's own housekeeping (runIfWaitingForDebugger…): nothing to do.
          this.reply(command, {});
          return true;
        }
        return false;
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.target.removeListener('message', this.onEvent);
    this.target.removeListener('detach', this.onDetach);
    if (this.target.isAttached()) this.target.detach();
  }
}
