import type { z } from 'zod';
import type { ChannelInput } from '../../../../shared/contract';
import { createTemplateInput } from '../../../../shared/templates/schemas';
import type { TemplateView } from '../../../../shared/templates/types';
import { call } from '../../api/client';

/** The contract's own fields; the variables are read from the text (by the core too), not typed. */
export const templateForm = createTemplateInput.omit({ variables: true });

export type TemplateFormValues = z.output<typeof templateForm>;

export function templateFormValues(template?: TemplateView): TemplateFormValues {
  return { name: template?.name ?? '', category: template?.category ?? 'greeting', content: template?.content ?? '', isActive: template?.isActive ?? true };
}

export function createTemplate(values: TemplateFormValues): Promise<TemplateView> {
  return call('templates.create', values);
}

/** Sends only what changed, so the activity log names the real change; undefined when nothing did. */
export async function updateTemplate(template: TemplateView, values: TemplateFormValues): Promise<TemplateView | undefined> {
  const input: ChannelInput<'templates.update'> = {
    id: template.id,
    ...(values.name !== template.name ? { name: values.name } : {}),
    ...(values.category !== template.category ? { category: values.category } : {}),
    ...(values.content !== template.content ? { content: values.content } : {}),
    ...(values.isActive !== template.isActive ? { isActive: values.isActive } : {}),
  };
  if (Object.keys(input).length === 1) return undefined;
  return call('templates.update', input);
}
