import type { SameNames } from '../contract-kit';
import type { officeChannels, OfficeEvents } from './contract';

/** The slice's names without zod, for the preload and the renderer. */
export const officeChannelNames = ['office.get', 'office.update', 'office.display', 'office.status', 'office.tax', 'office.updateTax'] as const;
export const officeEventNames = ['office.changed'] as const;

const listed: [SameNames<(typeof officeChannelNames)[number], keyof typeof officeChannels>, SameNames<(typeof officeEventNames)[number], keyof OfficeEvents>] = [true, true];
void listed;
