import { useCallback } from 'react';
import { call } from '../../api/client';
import { useQuery } from '../../hooks/use-query';

/** Settings → Office → VAT, as the editor needs it for its live totals. */
export function useOfficeTax() {
  const load = useCallback(() => call('office.tax', {}), []);
  return useQuery(load);
}
