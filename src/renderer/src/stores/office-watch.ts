import { call, onEvent, onReconnect } from '../api/client';
import { useOfficeDisplayStore } from './office-display-store';

let latest = 0;

async function load(): Promise<void> {
  const ticket = ++latest;
  try {
    const display = await call('office.display', {});
    if (ticket === latest) useOfficeDisplayStore.getState().set(display);
  } catch {
    // Dates keep the last known way (or the defaults) until the next answer.
  }
}

/** Keeps the office's display settings live for the signed-in session: an admin's change shows in every window at once. */
export function watchOffice(): () => void {
  void load();
  const offChanged = onEvent('office.changed', (display) => {
    latest += 1;
    useOfficeDisplayStore.getState().set(display);
  });
  // A change made while the connection was down is read again.
  const offReconnect = onReconnect(() => void load());
  return () => {
    offChanged();
    offReconnect();
    latest += 1;
  };
}
