import { call } from '../../api/client';
import { officeDay } from '../../format/dates';
import { listInput, type ContactFilters } from '../../stores/contacts-store';

/** Saves the contacts the list shows (same search, tag and due-today) as a CSV file. */
export async function downloadContacts(filters: ContactFilters, baseName: string): Promise<void> {
  const { csv } = await call('contacts.export', listInput(filters));
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${baseName}-${officeDay(new Date())}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it starts.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
