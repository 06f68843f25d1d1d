import { call } from '../../api/client';
import { officeDay } from '../../format/dates';
import { filterInput, type ActivityFilters } from './use-activity-pages';

const pageSize = 2_000;

/**
 * Saves the rows the filters match as one CSV file, fetched a page at a time (newest first) so
 * a long log neither holds the core up nor arrives as one huge answer; `onProgress` hears how
 * many rows are in so far, out of how many.
 */
export async function downloadActivity(filters: ActivityFilters, baseName: string, onProgress: (done: number, total: number) => void): Promise<void> {
  const parts: string[] = [];
  let done = 0;
  let total = 0;
  let beforeId: number | undefined;
  for (;;) {
    const page = await call('activity.export', { ...filterInput(filters), limit: pageSize, ...(beforeId !== undefined ? { beforeId } : {}) });
    if (page.total !== null) total = page.total;
    parts.push(page.csv);
    done += page.rows;
    onProgress(done, Math.max(total, done));
    if (page.nextBeforeId === null) break;
    beforeId = page.nextBeforeId;
  }
  const url = URL.createObjectURL(new Blob(parts, { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${baseName}-${officeDay(new Date())}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it starts.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
