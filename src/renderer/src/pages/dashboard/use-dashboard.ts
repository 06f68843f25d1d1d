import type { ChannelInput } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useLiveRead } from '../automation/use-live-read';

export type DashboardQueryInput = ChannelInput<'dashboard.summary'>;
export type { DrillFigure } from '../../../../shared/dashboard/types';

/** The dashboard for a range and filters, read again as messages, offers and viewings change. */
export function useDashboard(query: DashboardQueryInput) {
  return useLiveRead(() => call('dashboard.summary', query), JSON.stringify(query), ['message.new', 'conversation.update', 'offers.changed', 'viewings.changed']);
}
