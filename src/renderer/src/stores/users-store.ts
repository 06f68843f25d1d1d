import { create } from 'zustand';
import type { ApiError } from '../../../shared/errors';
import type { PublicUser } from '../../../shared/users/types';
import { call, toApiError } from '../api/client';

interface UsersState {
  /** null until the first load answers. */
  users: PublicUser[] | null;
  error: ApiError | null;
  loading: boolean;
  load(): Promise<void>;
  /** Puts a saved user in the list at once, before the change event's reload arrives. */
  upsert(user: PublicUser): void;
}

let latestLoad = 0;

export const useUsersStore = create<UsersState>()((set, get) => ({
  users: null,
  error: null,
  loading: false,
  load: async () => {
    const ticket = ++latestLoad;
    set({ loading: true });
    try {
      const users = await call('users.list', {});
      if (ticket === latestLoad) set({ users, error: null, loading: false });
    } catch (error) {
      if (ticket === latestLoad) set({ error: toApiError(error), loading: false });
    }
  },
  upsert: (user) => {
    const users = get().users ?? [];
    const known = users.some((u) => u.id === user.id);
    set({ users: known ? users.map((u) => (u.id === user.id ? user : u)) : [...users, user] });
  },
}));
