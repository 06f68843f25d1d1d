import type { CoreOptions } from '../core/create-core';
import { offersOffice } from './offers-office';

type Office = Awaited<ReturnType<typeof offersOffice>>;

/** Settings → Office → VAT as a registered office fills it. */
export const registeredTax = {
  vatRegistered: true,
  sellerNameAr: 'مكتب ميراس للعقارات',
  sellerNameEn: 'Meras Real Estate',
  vatNumber: '310122393500003',
  vatRates: [
    { from: '2018-01-01', basisPoints: 500 },
    { from: '2020-07-01', basisPoints: 1500 },
  ],
};

/** A one-line commission at `amount` (typed text), standard rated. */
export const commissionLine = (amount: string) => ({ descriptionAr: 'عمولة وساطة عقارية', descriptionEn: 'Brokerage commission', quantity: '1', unitPrice: amount, vatCategory: 'standard' as const });

/** The offers office, registered for VAT, with its customers' contact ids. */
export async function invoicesOffice(options: { registered?: boolean; core?: Partial<CoreOptions> } = {}) {
  const o = await offersOffice(options.core ? { core: options.core } : {});
  if (options.registered !== false) await o.t.call('office.updateTax', registeredTax, o.admin.token);
  const contactOf = async (conversationId: number) => (await o.t.call('conversations.get', { id: conversationId }, o.admin.token)).contact.id;
  return { ...o, khalidContact: await contactOf(o.khalid), saraContact: await contactOf(o.sara), fahdContact: await contactOf(o.rentalsCustomer) };
}
export type InvoicesOffice = Awaited<ReturnType<typeof invoicesOffice>>;

/** Every row the invoice flows write, to prove a refusal wrote nothing. */
export function invoiceTables(o: Office): unknown {
  const sqlite = o.t.core.database.sqlite;
  const all = (table: string) => sqlite.prepare(`select * from ${table} order by 1`).all();
  return { documents: all('invoice_documents'), lines: all('invoice_lines'), payments: all('invoice_payments'), counter: all('invoice_counter') };
}
