import type { ChannelInput } from '../../../../shared/contract';
import { useLiveList } from '../../hooks/use-live-list';

/** The catalogue matching `filters`; read again when a property changes or an interest does (the counts). */
export function useProperties(filters: ChannelInput<'properties.list'>) {
  return useLiveList('properties.list', filters, ['properties.changed', 'interests.changed']);
}
