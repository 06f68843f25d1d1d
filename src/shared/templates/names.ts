import type { SameNames } from '../contract-kit';
import type { templatesChannels, TemplatesEvents } from './contract';

/** The slice's names without zod, for the preload and the renderer. */
export const templatesChannelNames = [
  'messages.sendTemplate',
  'templates.list',
  'templates.create',
  'templates.update',
  'templates.delete',
] as const;
export const templatesEventNames = ['templates.changed'] as const;

const listed: [SameNames<(typeof templatesChannelNames)[number], keyof typeof templatesChannels>, SameNames<(typeof templatesEventNames)[number], keyof TemplatesEvents>] = [true, true];
void listed;
