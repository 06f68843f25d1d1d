import { useCallback, useEffect, useState } from 'react';
import type { BackupProgress, BackupsOverview } from '../../../../shared/backups/types';
import { call, onEvent } from '../../api/client';

/** The Backups page's data: the overview from the core, and the running operation's progress as it is pushed. */
export function useBackups() {
  const [overview, setOverview] = useState<BackupsOverview | null>(null);
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const reload = useCallback(async () => {
    const next = await call('backups.list', {});
    setOverview(next);
    setProgress(next.running);
  }, []);
  useEffect(() => {
    void reload();
    return onEvent('backups.progress', (p) => {
      setProgress(p);
      // A finished operation changes the list.
      if (p.stage === 'done' || p.stage === 'failed') void reload().catch(() => undefined);
    });
  }, [reload]);
  return { overview, progress, reload };
}
