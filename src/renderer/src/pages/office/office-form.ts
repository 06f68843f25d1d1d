import type { officeUpdateInput } from '../../../../shared/office/schemas';
import type { ContractForm } from '../../forms/use-contract-form';

/** Each section of Settings → Office is a form over the same update schema, holding only its own section. */
export type OfficeForm = ContractForm<typeof officeUpdateInput>;
