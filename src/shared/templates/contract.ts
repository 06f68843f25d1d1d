import { channel, managers } from '../contract-kit';
import * as s from './schemas';
import type { MessageView } from '../inbox/types';
import type { TemplateView } from './types';

/** Message templates with `{{variables}}`, and sending with one. */
export const templatesChannels = {
  /** Seed 003's send with a template: every variable filled, queued like any answer, the template's use counted. */
  'messages.sendTemplate': channel<MessageView>()({ input: s.sendTemplateInput, access: 'user', kind: 'write' }),
  'templates.list': channel<TemplateView[]>()({ input: s.templateListInput, access: 'user', kind: 'read' }),
  'templates.create': channel<TemplateView>()({ input: s.createTemplateInput, access: managers, kind: 'write' }),
  'templates.update': channel<TemplateView>()({ input: s.updateTemplateInput, access: managers, kind: 'write' }),
  'templates.delete': channel<{ ok: true }>()({ input: s.templateIdInput, access: managers, kind: 'write' }),
} as const;

export interface TemplatesEvents {
  /** A template was added, changed, removed or used: open template lists and pickers refresh. */
  'templates.changed': { templateId: number };
}
