import { adminOnly, channel } from '../contract-kit';
import { empty } from '../fields';
import { officeTaxSchema, type OfficeTaxSettings } from './tax';

/** Settings → Office → VAT: read by everyone (the invoice editor's totals need it; it holds no customer), changed by admins. */
export const officeTaxChannels = {
  'office.tax': channel<OfficeTaxSettings>()({ input: empty, access: 'user', kind: 'read' }),
  'office.updateTax': channel<OfficeTaxSettings>()({ input: officeTaxSchema, access: adminOnly, kind: 'write' }),
} as const;
