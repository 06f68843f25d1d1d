import type { invoicesChannels } from '../../../shared/invoices/contract';
import { signedIn, type HandlerMap } from '../../rpc/handler-map';
import type { InvoicesService } from './invoices-service';
import type { InvoiceArchive } from './archive/invoice-archive';
import type { InvoiceDelivery } from './pdf/invoice-delivery';

/** Binds the invoices slice's channels to its service. */
export function invoicesHandlers(s: { invoices: InvoicesService; invoiceDelivery: InvoiceDelivery; invoiceArchive: InvoiceArchive }): HandlerMap<typeof invoicesChannels> {
  return {
    'invoices.list': (input, { caller }) => s.invoices.list(signedIn(caller), input),
    'invoices.get': (input, { caller }) => s.invoices.get(signedIn(caller), input.id),
    'invoices.createDraft': (input, { caller }) => s.invoices.createDraft(signedIn(caller), input),
    'invoices.createNote': (input, { caller }) => s.invoices.createNote(signedIn(caller), input),
    'invoices.updateDraft': (input, { caller }) => s.invoices.updateDraft(signedIn(caller), input),
    'invoices.deleteDraft': (input, { caller }) => s.invoices.deleteDraft(signedIn(caller), input.id),
    'invoices.issue': (input, { caller }) => s.invoices.issue(signedIn(caller), input.id),
    'invoices.addPayment': (input, { caller }) => s.invoices.addPayment(signedIn(caller), input),
    'invoices.pdf': (input, { caller }) => s.invoiceDelivery.pdf(signedIn(caller), input.id),
    'invoices.sendToChat': (input, { caller }) => s.invoiceDelivery.sendToChat(signedIn(caller), input.id),
    'invoices.brokerage': (input, { caller }) => s.invoices.brokerage(signedIn(caller), input),
    'invoices.archive': (input, { caller }) => s.invoiceArchive.export(signedIn(caller), input),
    'invoices.archiveRead': (input, { caller }) => s.invoiceArchive.read(signedIn(caller), input),
  };
}
