import type { ApiError } from '../../../../shared/errors';
import { describeError, type DescribedError } from '../../i18n/errors';
import type { Translate } from '../../i18n/translate';

/** The core's refusal in words about the catalogue: who may change it, or that the property is gone. */
export function describePropertyError(t: Translate, error: ApiError | null, fields?: readonly string[]): DescribedError {
  if (!error) return { fields: {} };
  if (error.code === 'FORBIDDEN') return { formMessage: t('properties.forbidden'), fields: {} };
  if (error.code === 'NOT_FOUND') return { formMessage: t('properties.gone'), fields: {} };
  return describeError(t, error, fields);
}
