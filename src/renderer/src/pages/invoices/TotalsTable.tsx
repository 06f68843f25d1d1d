import type { DocumentTotals } from '../../../../shared/invoices/types';
import { formatMoney } from '../../../../shared/money';
import { useOfficeFormat } from '../../format/use-office-format';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { percent } from './invoice-format';

/** Net and VAT per VAT category, then the totals: the editor's live figures and the issued document's frozen ones. */
export function TotalsTable({ totals, vatRegistered, testId }: { totals: DocumentTotals; vatRegistered: boolean; testId: string }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const digits = useOfficeFormat().prefs.digits;
  const money = (amount: number) => <bdi>{formatMoney(amount, language, digits)}</bdi>;
  return (
    <table className="invoice-totals" data-testid={testId}>
      <tbody>
        {vatRegistered
          ? totals.byCategory.map((c) => (
              <tr key={c.category} data-testid={`${testId}-${c.category}`}>
                <th scope="row">{t('invoices.totals.category', { category: t(`invoices.category.${c.category}`), rate: percent(c.rateBasisPoints) })}</th>
                <td>{money(c.net)}</td>
                <td>{money(c.vat)}</td>
              </tr>
            ))
          : null}
        <tr>
          <th scope="row">{t('invoices.totals.net')}</th>
          <td colSpan={2} data-testid={`${testId}-net`}>
            {money(totals.net)}
          </td>
        </tr>
        {vatRegistered ? (
          <tr>
            <th scope="row">{t('invoices.totals.vat')}</th>
            <td colSpan={2} data-testid={`${testId}-vat`}>
              {money(totals.vat)}
            </td>
          </tr>
        ) : null}
        <tr className="invoice-grand-total">
          <th scope="row">{t('invoices.totals.total')}</th>
          <td colSpan={2} data-testid={`${testId}-total`}>
            {money(totals.total)}
          </td>
        </tr>
      </tbody>
    </table>
  );
}
