import type { OfficeSettings } from '../../../shared/office/types';

/**
 * What a template may take from Settings → Office without the agent typing it: `{{office_phone}}`.
 * A value not set yet is left out, so the template still asks for it.
 */
export function officeTemplateValues(settings: OfficeSettings): Record<string, string> {
  return settings.profile.phone ? { office_phone: settings.profile.phone } : {};
}
