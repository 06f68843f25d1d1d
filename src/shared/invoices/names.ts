import type { SameNames } from '../contract-kit';
import type { invoicesChannels, InvoicesEvents } from './contract';

/** The slice's names without zod, for the preload and the renderer. */
export const invoicesChannelNames = [
  'invoices.list',
  'invoices.get',
  'invoices.createDraft',
  'invoices.createNote',
  'invoices.updateDraft',
  'invoices.deleteDraft',
  'invoices.issue',
  'invoices.addPayment',
  'invoices.pdf',
  'invoices.sendToChat',
  'invoices.brokerage',
  'invoices.archive',
  'invoices.archiveRead',
] as const;
export const invoicesEventNames = ['invoices.changed', 'invoices.archiveProgress'] as const;

const listed: [SameNames<(typeof invoicesChannelNames)[number], keyof typeof invoicesChannels>, SameNames<(typeof invoicesEventNames)[number], keyof InvoicesEvents>] = [true, true];
void listed;
