import { create } from 'zustand';
import type { AppInfo } from '../../../shared/app/types';
import { call } from '../api/client';

interface AppInfoState {
  /** null until known; a failed read leaves it null (no demo controls, no version shown). */
  info: AppInfo | null;
  load(): Promise<void>;
}

export const useAppInfoStore = create<AppInfoState>()((set, get) => ({
  info: null,
  load: async () => {
    if (get().info) return;
    try {
      set({ info: await call('app.info', {}) });
    } catch {
      // Only the demo button depends on it; the app works without.
    }
  },
}));
