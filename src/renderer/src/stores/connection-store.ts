import { create } from 'zustand';
import { onConnectionChange } from '../api/client';

interface ConnectionState {
  /** False while the browser has lost the desk (the host): what is shown may be out of date. */
  deskReachable: boolean;
}

export const useConnectionStore = create<ConnectionState>()(() => ({ deskReachable: true }));

/** Follows the connection for the life of the window; Electron's IPC never reports a loss. */
export function watchConnection(): () => void {
  return onConnectionChange((connected) => useConnectionStore.setState({ deskReachable: connected }));
}
