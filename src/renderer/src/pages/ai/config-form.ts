import { z } from 'zod';
import { saveConfigInput } from '../../../../shared/ai/schemas';
import type { AiConfigView } from '../../../../shared/ai/types';
import { latinDigits } from '../../../../shared/money';

/**
 * The contract's saveConfigInput as the settings form holds it: times, the delay and the texts
 * as typed text (an empty time or text is "none": null). The parsed values are saveConfigInput's
 * own, so the form refuses exactly what the core would, under the same field names.
 */
export const configForm = saveConfigInput
  .omit({ businessHours: true, businessHoursOnly: true, fallbackDelay: true, customInstructions: true, outOfHoursMessage: true })
  .extend({
    businessHours: z.object({ start: z.string(), end: z.string(), timezone: z.string() }),
    fallbackDelay: z.string(),
    customInstructions: z.string(),
    outOfHoursMessage: z.string(),
  })
  .transform(({ businessHours, fallbackDelay, customInstructions, outOfHoursMessage, ...config }): z.input<typeof saveConfigInput> => {
    const delay = latinDigits(fallbackDelay.trim());
    return {
      ...config,
      // "At any time" hides the hours: they are neither checked nor changed (the saved ones stay).
      ...(config.hoursMode === 'always' ? {} : { businessHours: { start: orNull(businessHours.start), end: orNull(businessHours.end), timezone: businessHours.timezone.trim() } }),
      // Not a whole number: sent as it is, so the contract names `fallbackDelay` as not a number.
      fallbackDelay: /^\d{1,6}$/.test(delay) ? Number(delay) : (delay as unknown as number),
      customInstructions: orNull(customInstructions),
      outOfHoursMessage: orNull(outOfHoursMessage),
    };
  })
  .pipe(saveConfigInput);

export type ConfigFormValues = z.input<typeof configForm>;

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

export function configFormDefaults(config: AiConfigView): ConfigFormValues {
  return {
    numberId: config.whatsappNumberId,
    enabled: config.enabled,
    hoursMode: config.hoursMode,
    businessHours: { start: config.businessHours.start ?? '', end: config.businessHours.end ?? '', timezone: config.businessHours.timezone },
    scenarios: { ...config.scenarios },
    tone: config.tone,
    language: config.language,
    customInstructions: config.customInstructions ?? '',
    fallbackToHuman: config.fallbackToHuman,
    fallbackDelay: String(config.fallbackDelay),
    outOfHoursMessage: config.outOfHoursMessage ?? '',
  };
}
