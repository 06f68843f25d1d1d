import type { TemplateCategory } from '../../../../shared/templates/types';
import { isMessageKey } from '../../i18n/dictionary';
import type { Translate } from '../../i18n/translate';

export const categoryLabel = (t: Translate, category: TemplateCategory): string => t(`templates.category.${category}`);

/** The usual variables have a name in the current language; any other is shown as written. */
export function variableLabel(t: Translate, name: string): string {
  const key = `templates.var.${name}`;
  return isMessageKey(key) ? t(key) : name;
}

/** Sample values for the preview: the usual variables get a realistic one, the rest stay as chips. */
export function sampleValues(t: Translate, variables: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of variables) {
    const key = `templates.sample.${name}`;
    if (isMessageKey(key)) values[name] = t(key);
  }
  return values;
}
