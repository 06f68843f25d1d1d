import { useCallback, useEffect, useRef, useState } from 'react';
import type { AutomationJobView } from '../../../../shared/automation/types';
import type { ApiError } from '../../../../shared/errors';
import { call, onEvent, onReconnect, toApiError } from '../../api/client';

const pageSize = 50;
const maxPage = 200;

/**
 * A rule's upcoming (soonest first) or past (newest first) jobs, page by page. A change to one
 * of the rule's jobs reads the loaded pages again in one call (up to the channel's 200), so
 * a job that fires moves from upcoming to past while the list is open.
 */
export function useRuleJobs(ruleId: number, view: 'upcoming' | 'past') {
  const [jobs, setJobs] = useState<AutomationJobView[] | null>(null);
  const [cursor, setCursor] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const ticket = useRef(0);
  const loaded = useRef(pageSize);

  const load = useCallback(
    (limit: number) => {
      const mine = ++ticket.current;
      call('automation.ruleJobs', { ruleId, view, limit: Math.min(Math.max(limit, pageSize), maxPage) }).then(
        (page) => {
          if (mine !== ticket.current) return;
          setJobs(page.jobs);
          setCursor(page.nextBefore);
          setError(null);
        },
        (thrown: unknown) => mine === ticket.current && setError(toApiError(thrown)),
      );
    },
    [ruleId, view],
  );

  useEffect(() => {
    loaded.current = pageSize;
    setJobs(null);
    load(pageSize);
    const reload = () => load(loaded.current);
    const stops = [onEvent('automation.jobs.changed', (event) => event.ruleId === ruleId && reload()), onReconnect(reload)];
    return () => {
      ticket.current++;
      stops.forEach((stop) => stop());
    };
  }, [load, ruleId]);

  const more = useCallback(() => {
    if (cursor === null) return;
    const mine = ++ticket.current;
    call('automation.ruleJobs', { ruleId, view, limit: pageSize, before: cursor }).then(
      (page) => {
        if (mine !== ticket.current) return;
        setJobs((current) => [...(current ?? []), ...page.jobs]);
        loaded.current += page.jobs.length;
        setCursor(page.nextBefore);
      },
      (thrown: unknown) => mine === ticket.current && setError(toApiError(thrown)),
    );
  }, [cursor, ruleId, view]);

  return { jobs, error, hasMore: cursor !== null, more };
}
