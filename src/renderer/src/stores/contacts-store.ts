import { create } from 'zustand';
import type { ChannelInput } from '../../../shared/contract';
import type { ContactView, TagCount } from '../../../shared/contacts/types';
import type { ApiError } from '../../../shared/errors';
import { call, onEvent, onReconnect, toApiError } from '../api/client';

export interface ContactFilters {
  search: string;
  tag: string | null;
  dueToday: boolean;
}

interface ContactsState {
  filters: ContactFilters;
  /** null until the first page answers. */
  items: ContactView[] | null;
  total: number;
  next: string | null;
  loadingMore: boolean;
  error: ApiError | null;
  tags: TagCount[];
  selectedId: number | null;
  setFilters(patch: Partial<ContactFilters>): void;
  /** The first page again, as many rows as are shown now (a change elsewhere keeps the reader's place). */
  reload(): Promise<void>;
  loadMore(): Promise<void>;
  loadTags(): Promise<void>;
  select(id: number | null): void;
}

const pageSize = 50;
let latest = 0;

export const noContactFilters: ContactFilters = { search: '', tag: null, dueToday: false };

export function listInput(filters: ContactFilters): ChannelInput<'contacts.list'> {
  const search = filters.search.trim();
  return { ...(search ? { search } : {}), ...(filters.tag ? { tag: filters.tag } : {}), ...(filters.dueToday ? { dueToday: true } : {}) };
}

export const useContactsStore = create<ContactsState>()((set, get) => ({
  filters: noContactFilters,
  items: null,
  total: 0,
  next: null,
  loadingMore: false,
  error: null,
  tags: [],
  selectedId: null,
  setFilters: (patch) => {
    set({ filters: { ...get().filters, ...patch }, items: null, next: null });
    void get().reload();
  },
  reload: async () => {
    const ticket = ++latest;
    const limit = Math.min(200, Math.max(pageSize, get().items?.length ?? 0));
    try {
      const page = await call('contacts.list', { ...listInput(get().filters), limit });
      if (ticket !== latest) return;
      set({ items: page.data, total: page.meta.total, next: page.meta.next, error: null, loadingMore: false });
    } catch (error) {
      if (ticket === latest) set({ error: toApiError(error), loadingMore: false });
    }
  },
  loadMore: async () => {
    const { next, loadingMore, items } = get();
    if (!next || loadingMore || !items) return;
    const ticket = latest;
    set({ loadingMore: true });
    try {
      const page = await call('contacts.list', { ...listInput(get().filters), limit: pageSize, cursor: next });
      // A reload started meanwhile (a new search) owns the list now.
      if (ticket !== latest) return;
      set({ items: [...items, ...page.data], total: page.meta.total, next: page.meta.next, loadingMore: false });
    } catch (error) {
      if (ticket === latest) set({ error: toApiError(error), loadingMore: false });
    }
  },
  loadTags: async () => {
    try {
      set({ tags: await call('contacts.tags', {}) });
    } catch {
      // The tag filter simply offers nothing new until the next change.
    }
  },
  select: (id) => set({ selectedId: id }),
}));

/** The page's live wiring: any contact change reloads the list and the tags in use. */
export function watchContacts(): () => void {
  const store = useContactsStore.getState();
  void store.reload();
  void store.loadTags();
  const refresh = () => {
    void useContactsStore.getState().reload();
    void useContactsStore.getState().loadTags();
  };
  const offChanged = onEvent('contact.changed', refresh);
  const offReconnect = onReconnect(refresh);
  return () => {
    offChanged();
    offReconnect();
  };
}

/** Another user may sign in next in this window. */
export function resetContacts(): void {
  latest++;
  useContactsStore.setState({ filters: noContactFilters, items: null, total: 0, next: null, loadingMore: false, error: null, tags: [], selectedId: null });
}
