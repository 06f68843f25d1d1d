import { useEffect, useState } from 'react';
import { create } from 'zustand';
import { readStored, writeStored } from '../../stores/local-storage';

const storageKey = 'meras.inbox.contactPanel';
/** Narrower than this (a laptop screen), the panel stays hidden until asked for: the thread needs the room. */
export const contactPanelQuery = '(min-width: 1500px)';

type Choice = 'open' | 'closed' | null;

function readChoice(): Choice {
  const value = readStored(storageKey);
  return value === 'open' || value === 'closed' ? value : null;
}

/** The user's last choice, remembered; null until they press the toggle (then the width decides). */
export const useContactPanelStore = create<{ choice: Choice; setOpen(open: boolean): void }>((set) => ({
  choice: readChoice(),
  setOpen(open) {
    const choice = open ? 'open' : 'closed';
    writeStored(storageKey, choice);
    set({ choice });
  },
}));

function useWide(): boolean {
  const [wide, setWide] = useState(() => window.matchMedia(contactPanelQuery).matches);
  useEffect(() => {
    const media = window.matchMedia(contactPanelQuery);
    const onChange = () => setWide(media.matches);
    media.addEventListener('change', onChange);
    onChange();
    return () => media.removeEventListener('change', onChange);
  }, []);
  return wide;
}

/** Whether the contact panel shows: the remembered choice, else open on a wide window only. */
export function useContactPanelOpen(): boolean {
  const choice = useContactPanelStore((state) => state.choice);
  const wide = useWide();
  return choice === null ? wide : choice === 'open';
}
