import type Database from 'better-sqlite3';
import type { cloudChannels } from '../../../shared/cloud/contract';
import type { Clock } from '../../base/clock';
import { signedIn, type HandlerMap } from '../../rpc/handler-map';
import type { NumberAccess } from '../inbox/number-access';
import type { CloudConnection } from './cloud-connection';
import type { CloudNumbers } from './cloud-numbers';
import type { CloudTemplates } from './cloud-templates';
import { serviceWindow } from './service-window';

export interface CloudServices {
  numbers: CloudNumbers;
  connection: CloudConnection;
  templates: CloudTemplates;
  access: NumberAccess;
  sqlite: Database.Database;
  clock: Clock;
}

/** Binds the cloud slice's channels to its services. */
export function cloudHandlers(s: CloudServices): HandlerMap<typeof cloudChannels> {
  return {
    'cloud.link': (input, { caller }) => s.numbers.link(signedIn(caller), input),
    'cloud.updateCredentials': (input, { caller }) => s.numbers.updateCredentials(signedIn(caller), input),
    'cloud.list': () => s.numbers.list(),
    'cloud.get': (input) => s.numbers.get(input.numberId),
    'cloud.getGraphSettings': () => s.numbers.graphSettings(),
    'cloud.saveGraphSettings': (input, { caller }) => s.numbers.saveGraphSettings(signedIn(caller), input),
    'cloud.connection': () => s.connection.view(),
    'cloud.saveTunnelSettings': (input, { caller }) => s.connection.saveSettings(signedIn(caller), input),
    'cloud.startTunnel': () => s.connection.startTunnel(),
    'cloud.stopTunnel': () => s.connection.stopTunnel(),
    'cloud.selfTest': () => s.connection.selfTest(),
    'cloud.health': () => s.connection.health(),
    'cloud.window': (input, { caller }) => {
      s.access.requireConversation(signedIn(caller), input.conversationId);
      return serviceWindow(s.sqlite, s.clock, input.conversationId);
    },
    'cloud.templates': (input, { caller }) => s.templates.list(signedIn(caller), input.numberId, input.approvedOnly),
    'cloud.syncTemplates': (input) => s.templates.sync(input.numberId),
    'cloud.sendTemplate': (input, { caller }) => s.templates.send(signedIn(caller), input),
  };
}
