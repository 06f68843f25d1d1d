import { adminOnly, channel } from '../contract-kit';
import { empty } from '../fields';
import type { MessageView } from '../inbox/types';
import * as s from './schemas';
import type { CloudConnectionView, CloudHealth, CloudNumberView, CloudTemplateView, GraphSettings, SelfTestResult, ServiceWindowView, TemplateSyncResult } from './types';

/** Issue 19: Cloud API numbers, their 24-hour window and templates, and how Meta reaches the desk. */
export const cloudChannels = {
  /** Checks the credentials against the Graph API, then stores the number (secrets sealed). */
  'cloud.link': channel<CloudNumberView>()({ input: s.linkCloudNumberInput, access: adminOnly, kind: 'write' }),
  /** A new token, app secret or verify token; a new token is checked first. */
  'cloud.updateCredentials': channel<CloudNumberView>()({ input: s.updateCloudCredentialsInput, access: adminOnly, kind: 'write' }),
  'cloud.list': channel<CloudNumberView[]>()({ input: empty, access: adminOnly, kind: 'read' }),
  'cloud.get': channel<CloudNumberView>()({ input: s.cloudNumberInput, access: adminOnly, kind: 'read' }),
  'cloud.getGraphSettings': channel<GraphSettings>()({ input: empty, access: adminOnly, kind: 'read' }),
  'cloud.saveGraphSettings': channel<GraphSettings>()({ input: s.saveGraphSettingsInput, access: adminOnly, kind: 'write' }),
  /** The connection screen: callback URLs, verify tokens, the tunnel, the self-test, last webhooks. */
  'cloud.connection': channel<CloudConnectionView>()({ input: empty, access: adminOnly, kind: 'read' }),
  'cloud.saveTunnelSettings': channel<CloudConnectionView>()({ input: s.saveTunnelSettingsInput, access: adminOnly, kind: 'write' }),
  /** Starts the cloudflared the office installed (never downloaded). */
  'cloud.startTunnel': channel<CloudConnectionView>()({ input: empty, access: adminOnly, kind: 'write' }),
  'cloud.stopTunnel': channel<CloudConnectionView>()({ input: empty, access: adminOnly, kind: 'write' }),
  /** Calls the verify endpoint through the public URL, as Meta would. */
  'cloud.selfTest': channel<SelfTestResult>()({ input: empty, access: adminOnly, kind: 'write' }),
  /** Whether Cloud messages can arrive now: every signed-in user sees the banner. */
  'cloud.health': channel<CloudHealth>()({ input: empty, access: 'user', kind: 'read' }),
  /** The conversation's 24-hour customer-service window. */
  'cloud.window': channel<ServiceWindowView>()({ input: s.conversationWindowInput, access: 'user', kind: 'read' }),
  /** The number's templates synced from its WABA. */
  'cloud.templates': channel<CloudTemplateView[]>()({ input: s.cloudTemplatesInput, access: 'user', kind: 'read' }),
  'cloud.syncTemplates': channel<TemplateSyncResult>()({ input: s.cloudNumberInput, access: adminOnly, kind: 'write' }),
  /** Queues an approved template (outside the window too); a wrong count of values is refused. */
  'cloud.sendTemplate': channel<MessageView>()({ input: s.sendCloudTemplateInput, access: 'user', kind: 'write' }),
} as const;

export interface CloudEvents {
  /** The health banner changed (the tunnel, the self-test, a token). */
  'cloud.health.changed': { health: CloudHealth };
  /** The connection screen's data changed (admins). */
  'cloud.connection.changed': Record<string, never>;
}
