import { create } from 'zustand';
import type { ApiError } from '../../../shared/errors';
import type { NumberView } from '../../../shared/numbers/types';
import { call, onEvent, onReconnect, toApiError } from '../api/client';

interface NumbersState {
  /** null until the first load answers; in creation order. */
  numbers: NumberView[] | null;
  error: ApiError | null;
  load(): Promise<void>;
  /** A number as a call or a `number.status` event brought it. */
  upsert(number: NumberView): void;
  drop(id: number): void;
}

const byId = (a: NumberView, b: NumberView) => a.id - b.id;

let latestLoad = 0;
/** Events that arrive while a load is in flight are newer than its answer: they win. */
let arrivedDuringLoad = new Map<number, NumberView | null>();

export const useNumbersStore = create<NumbersState>()((set, get) => ({
  numbers: null,
  error: null,
  load: async () => {
    const ticket = ++latestLoad;
    arrivedDuringLoad = new Map();
    try {
      const loaded = await call('numbers.list', {});
      if (ticket !== latestLoad) return;
      const merged = new Map(loaded.map((n) => [n.id, n]));
      for (const [id, number] of arrivedDuringLoad) {
        if (number) merged.set(id, number);
        else merged.delete(id);
      }
      set({ numbers: [...merged.values()].sort(byId), error: null });
    } catch (error) {
      if (ticket === latestLoad) set({ error: toApiError(error) });
    }
  },
  upsert: (number) => {
    arrivedDuringLoad.set(number.id, number);
    const numbers = get().numbers;
    if (!numbers) return;
    const known = numbers.some((n) => n.id === number.id);
    set({ numbers: known ? numbers.map((n) => (n.id === number.id ? number : n)) : [...numbers, number].sort(byId) });
  },
  drop: (id) => {
    arrivedDuringLoad.set(id, null);
    const numbers = get().numbers;
    if (numbers) set({ numbers: numbers.filter((n) => n.id !== id) });
  },
}));

/** Keeps the numbers live for the whole signed-in session: the inbox needs them as much as the numbers page. */
export function watchNumbers(): () => void {
  const store = useNumbersStore.getState();
  void store.load();
  const offStatus = onEvent('number.status', ({ number }) => useNumbersStore.getState().upsert(number));
  const offRemoved = onEvent('number.removed', ({ id }) => useNumbersStore.getState().drop(id));
  // Events sent while the connection was down are lost: read the list again.
  const offReconnect = onReconnect(() => void useNumbersStore.getState().load());
  return () => {
    offStatus();
    offRemoved();
    offReconnect();
    latestLoad += 1;
    useNumbersStore.setState({ numbers: null, error: null });
  };
}

export function findNumber(numbers: readonly NumberView[] | null, id: number): NumberView | undefined {
  return numbers?.find((n) => n.id === id);
}
