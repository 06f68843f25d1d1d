import type { ChannelInput } from '../../../../shared/contract';
import { useLiveList } from '../../hooks/use-live-list';

/** The templates matching `filters`; read again when any template changes. */
export function useTemplates(filters: ChannelInput<'templates.list'>) {
  return useLiveList('templates.list', filters, ['templates.changed']);
}

export { useDebounced } from '../../hooks/use-debounced';
