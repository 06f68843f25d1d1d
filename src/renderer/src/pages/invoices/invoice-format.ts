import type { ApiError } from '../../../../shared/errors';
import { documentNumberText, type InvoiceView, type PaymentStatus } from '../../../../shared/invoices/types';
import type { BadgeTone } from '../../components/Badge';
import { describeError } from '../../i18n/errors';
import type { Translate } from '../../i18n/translate';

/** "INV-000042", or "Draft" before it is issued. */
export function numberLabel(t: Translate, invoice: Pick<InvoiceView, 'kind' | 'number'>): string {
  return documentNumberText(invoice.kind, invoice.number) ?? t('invoices.draftNumber');
}

export const paymentTone: Record<PaymentStatus, BadgeTone> = { unpaid: 'amber', partly_paid: 'blue', paid: 'green' };

/** Basis points → "15" or "2.5" (a percentage without its sign). */
export function percent(basisPoints: number): string {
  return String(basisPoints / 100);
}

export function actionErrorText(t: Translate, error: ApiError): string {
  const described = describeError(t, error);
  return described.formMessage ?? Object.values(described.fields).join(' ');
}
