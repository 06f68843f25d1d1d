import { adminOnly, channel } from '../contract-kit';
import { empty } from '../fields';
import * as s from './schemas';
import { officeTaxChannels } from './tax-contract';
import type { OfficeDisplay, OfficeSettings, OfficeStatus } from './types';

/** Settings → Office: the office's registration, its week in its zone, and how it shows dates. */
export const officeChannels = {
  'office.get': channel<OfficeSettings>()({ input: empty, access: adminOnly, kind: 'read' }),
  'office.update': channel<OfficeSettings>()({ input: s.officeUpdateInput, access: adminOnly, kind: 'write' }),
  /** What every window needs to show dates and numbers the office's way. */
  'office.display': channel<OfficeDisplay>()({ input: empty, access: 'user', kind: 'read' }),
  /** Open now (and until when), or when it next opens, from the office calendar. */
  'office.status': channel<OfficeStatus>()({ input: empty, access: 'user', kind: 'read' }),
  ...officeTaxChannels,
} as const;

export interface OfficeEvents {
  /** An admin saved Settings → Office: every open window shows dates the new way at once. */
  'office.changed': OfficeDisplay;
}
