import { create } from 'zustand';
import { readStored, writeStored } from './local-storage';

/** on / off: the user's choice; blocked: the system or browser refused; unsupported: no Notification API. */
export type NotifyState = 'on' | 'off' | 'blocked' | 'unsupported';

const storageKey = 'meras.desktopNotifications';

const supported = (): boolean => typeof window !== 'undefined' && 'Notification' in window;

function currentState(): NotifyState {
  if (!supported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'blocked';
  return Notification.permission === 'granted' && readStored(storageKey) === 'on' ? 'on' : 'off';
}

interface NotifyStore {
  state: NotifyState;
  /** Turns notifications on (asking the system once, on this click) or off; the choice is remembered. */
  toggle(): Promise<void>;
  /** Permission can change in the settings while the app runs: read it again. */
  refresh(): void;
}

export const useNotifyStore = create<NotifyStore>()((set, get) => ({
  state: currentState(),
  toggle: async () => {
    const state = get().state;
    if (state === 'unsupported') return;
    if (state === 'on') {
      writeStored(storageKey, 'off');
      set({ state: 'off' });
      return;
    }
    let permission = Notification.permission;
    if (permission === 'default') permission = await Notification.requestPermission();
    if (permission === 'granted') writeStored(storageKey, 'on');
    set({ state: currentState() });
  },
  refresh: () => set({ state: currentState() }),
}));

export interface DesktopNotice {
  title: string;
  body: string;
  /** One notification per conversation: a newer one replaces the older. */
  tag: string;
  lang: string;
  dir: 'rtl' | 'ltr';
  onClick(): void;
}

/** Shows a system notification when the user turned them on; a click focuses the window and runs `onClick`. */
export function showDesktopNotice(notice: DesktopNotice): void {
  if (currentState() !== 'on') return;
  try {
    const notification = new Notification(notice.title, { body: notice.body, tag: notice.tag, lang: notice.lang, dir: notice.dir });
    notification.onclick = () => {
      window.focus();
      notice.onClick();
      notification.close();
    };
  } catch {
    // Some shells refuse `new Notification` (service-worker only): no notification is better than a crash.
  }
}
