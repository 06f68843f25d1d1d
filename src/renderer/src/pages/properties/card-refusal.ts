import type { ApiError } from '../../../../shared/errors';
import { describeError, fieldErrorText } from '../../i18n/errors';
import type { Translate } from '../../i18n/translate';

/** Why a card was not sent, in words: the licence reason when that is it, else the usual error text. */
export function cardRefusalText(t: Translate, error: ApiError): string {
  if (error.code === 'VALIDATION_ERROR' && Array.isArray(error.details) && error.details[0]) {
    return t('properties.cardRefused', { reason: fieldErrorText(t, error.details[0]) });
  }
  return describeError(t, error).formMessage ?? t('properties.cardRefused', { reason: error.message });
}
