import type { templatesChannels } from '../../../shared/templates/contract';
import { signedIn, type HandlerMap } from '../../rpc/handler-map';
import type { TemplatesService } from './templates-service';

/** Binds the templates slice's channels to its services. */
export function templatesHandlers(s: { templates: TemplatesService }): HandlerMap<typeof templatesChannels> {
  return {
    'messages.sendTemplate': (input, { caller }) => s.templates.send(signedIn(caller), input),
    'templates.list': (input) => s.templates.list(input),
    'templates.create': (input, { caller }) => s.templates.create(signedIn(caller), input),
    'templates.update': (input, { caller }) => s.templates.update(signedIn(caller), input),
    'templates.delete': (input, { caller }) => s.templates.delete(signedIn(caller), input.id),
  };
}
