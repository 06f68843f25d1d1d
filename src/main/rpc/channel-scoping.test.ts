import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, type ChannelName } from '../../shared/contract';
import type { ApiResult } from '../../shared/errors';
import { startTestCore } from '../testing/test-core';
import { twoNumbersOffice, type TwoNumbersOffice } from '../testing/two-numbers-office';
import { pendingJobOn } from '../services/automation/runner/automation-office';

/** How a channel keeps an agent to the numbers they work (issue 13). */
type ScopedBy =
  /** Names a conversation, message or file: refused unless its number is the caller's. */
  | 'conversation'
  /** Names a customer (or their note): refused unless they have a conversation on the caller's numbers. */
  | 'contact'
  /** Lists across numbers: answers with the caller's numbers only. */
  | 'number'
  /** The office's catalogue, read by all; what it says of conversations is scoped. */
  | 'property-public'
  /** Acts on the caller's own session, profile, uploads or notifications. */
  /** Names a viewing: not there for an agent unless it is on a number they work or theirs. */
  | 'viewing'
  /** Acts on the caller's own session, profile or uploads. */
  | 'self'
  | 'admin-only'
  | 'managers-only'
  /** Before sign-in: the same for everyone. */
  | 'public'
  /** Office-wide and holding no customer (templates): the same for everyone. */
  | 'none';

type Check = (result: ApiResult<unknown>, w: TwoNumbersOffice) => void;

interface Rule {
  scopedBy: ScopedBy;
  /** A sample input pointing at the other number's data. */
  input: (w: TwoNumbersOffice) => unknown;
  /**
   * `refused`: FORBIDDEN with that reason. `role`: FORBIDDEN by the router (no reason).
   * `notFound`: not the caller's, and not said to exist. `absent`: answers, with nothing of the
   * other number (the same input as an admin must show it, so the check cannot pass on an empty
   * office). `same`: answers the agent exactly as it answers the admin. `own`: a custom check.
   */
  expect: { refused: 'number_not_allowed' | 'contact_not_allowed' } | 'role' | 'notFound' | { absent: Check } | 'same' | { own: Check };
}

/** A pending automation job on Rentals' conversation (armed in beforeAll). */
let theirJobId = 0;

const ok = <T,>(result: ApiResult<unknown>): T => {
  if (!result.success) throw new Error(`failed: ${JSON.stringify(result.error)}`);
  return result.data as T;
};
const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

/**
 * Every channel of the contract, and how it is scoped. Typed by the contract's channel names, so a
 * channel added later without an entry here fails the typecheck (and the first test below).
 */
const table: Record<ChannelName, Rule> = {
  'auth.state': { scopedBy: 'public', input: () => ({}), expect: { own: (r) => expect(ok<{ user: { email: string } }>(r).user.email).toBe('sales-agent@office.test') } },
  'auth.setupAdmin': { scopedBy: 'public', input: () => ({ name: 'x', email: 'x@office.test', password: 'whatever-123' }), expect: 'same' },
  'auth.signIn': { scopedBy: 'public', input: () => ({ email: 'rentals-agent@office.test', password: 'not-the-password' }), expect: 'same' },
  'auth.signOut': { scopedBy: 'self', input: () => ({}), expect: { own: (r) => expect(r.success).toBe(true) } },
  'profile.update': { scopedBy: 'self', input: () => ({ language: 'en' }), expect: { own: (r, w) => expect(ok<{ id: number }>(r).id).toBe(w.agent.user.id) } },
  'profile.changePassword': {
    scopedBy: 'self',
    input: () => ({ oldPassword: 'user-pass-123-wrong', newPassword: 'new-pass-12345' }),
    expect: { own: (r) => expect(r).toMatchObject({ success: false, error: { details: [{ field: 'oldPassword', code: 'wrong_password' }] } }) },
  },
  'users.list': { scopedBy: 'managers-only', input: () => ({}), expect: 'role' },
  'users.create': { scopedBy: 'admin-only', input: () => ({ name: 'x', email: 'x@office.test', password: 'whatever-123', role: 'agent' }), expect: 'role' },
  'users.update': { scopedBy: 'admin-only', input: (w) => ({ id: w.rentalsAgent.user.id, name: 'x' }), expect: 'role' },
  'users.setActive': { scopedBy: 'admin-only', input: (w) => ({ id: w.rentalsAgent.user.id, isActive: false }), expect: 'role' },
  'activity.list': { scopedBy: 'managers-only', input: () => ({}), expect: 'role' },
  'activity.export': { scopedBy: 'managers-only', input: () => ({}), expect: 'role' },
  'activity.verify': { scopedBy: 'managers-only', input: () => ({}), expect: 'role' },
  'app.info': { scopedBy: 'public', input: () => ({}), expect: 'same' },

  'numbers.list': {
    scopedBy: 'number',
    input: () => ({}),
    expect: { absent: (r, w) => expect(ids(ok<{ id: number }[]>(r))).toEqual([w.sales.id]) },
  },
  'numbers.get': { scopedBy: 'conversation', input: (w) => ({ id: w.rentals.id }), expect: { refused: 'number_not_allowed' } },
  'apiKeys.list': { scopedBy: 'admin-only', input: () => ({}), expect: 'role' },
  'apiKeys.create': { scopedBy: 'admin-only', input: () => ({ name: 'CRM', scopes: ['read'] }), expect: 'role' },
  'apiKeys.revoke': { scopedBy: 'admin-only', input: () => ({ id: 1 }), expect: 'role' },
  'api.settings': { scopedBy: 'admin-only', input: () => ({}), expect: 'role' },
  'api.updateSettings': { scopedBy: 'admin-only', input: () => ({ enabled: true }), expect: 'role' },
  'webhooks.list': { scopedBy: 'admin-only', input: () => ({}), expect: 'role' },
  'webhooks.create': { scopedBy: 'admin-only', input: () => ({ url: 'https://crm.example/hook', events: ['message.new'] }), expect: 'role' },
  'webhooks.update': { scopedBy: 'admin-only', input: () => ({ id: 1, paused: true }), expect: 'role' },
  'webhooks.delete': { scopedBy: 'admin-only', input: () => ({ id: 1 }), expect: 'role' },
  'webhooks.deliveries': { scopedBy: 'admin-only', input: () => ({ endpointId: 1 }), expect: 'role' },
  'webhooks.sendTest': { scopedBy: 'admin-only', input: () => ({ id: 1 }), expect: 'role' },
  // Issue 15 (automation). Rules: agents see the every-number rules and their numbers'; editing is the admins'.
  'automation.listRules': {
    scopedBy: 'number',
    input: () => ({}),
    expect: { absent: (r, w) => expect(ids(ok<{ data: { id: number }[] }>(r).data)).not.toContain(w.theirRule.id) },
  },
  'automation.getRule': { scopedBy: 'number', input: (w) => ({ id: w.theirRule.id }), expect: 'notFound' },
  'automation.createRule': { scopedBy: 'admin-only', input: (w) => ({ name: 'x', trigger: 'follow_up', templateId: w.ruleTemplate.id, whatsappNumberId: w.rentals.id }), expect: 'role' },
  'automation.updateRule': { scopedBy: 'admin-only', input: (w) => ({ id: w.theirRule.id, name: 'x' }), expect: 'role' },
  'automation.toggleRule': { scopedBy: 'admin-only', input: (w) => ({ id: w.theirRule.id }), expect: 'role' },
  'automation.deleteRule': { scopedBy: 'admin-only', input: (w) => ({ id: w.theirRule.id }), expect: 'role' },
  'automation.dryRun': { scopedBy: 'admin-only', input: (w) => ({ trigger: 'follow_up', whatsappNumberId: w.rentals.id }), expect: 'role' },
  'automation.preview': { scopedBy: 'admin-only', input: (w) => ({ templateId: w.ruleTemplate.id, trigger: 'follow_up', conversationId: w.theirs.id }), expect: 'role' },
  'automation.stats': { scopedBy: 'managers-only', input: (w) => ({ numberId: w.rentals.id }), expect: 'role' },
  'automation.ruleJobs': { scopedBy: 'managers-only', input: () => ({ ruleId: 1 }), expect: 'role' },
  'automation.conversationJobs': { scopedBy: 'conversation', input: (w) => ({ conversationId: w.theirs.id }), expect: { refused: 'number_not_allowed' } },
  // Another number's job: refused as its conversation would be, and left pending (checked below).
  'automation.cancelJob': { scopedBy: 'conversation', input: () => ({ id: theirJobId }), expect: { refused: 'number_not_allowed' } },
  'automation.followUp': { scopedBy: 'conversation', input: (w) => ({ conversationId: w.theirs.id, inMinutes: 60 }), expect: { refused: 'number_not_allowed' } },
  'automation.contactState': { scopedBy: 'contact', input: (w) => ({ contactId: w.theirContactId }), expect: { refused: 'contact_not_allowed' } },
  'automation.resumeContact': { scopedBy: 'contact', input: (w) => ({ contactId: w.theirContactId }), expect: { refused: 'contact_not_allowed' } },

  // Issue 16 (AI responder). Settings are the admins' (supervisors read them); agents see, resume and rate the AI in their numbers' conversations.
  'cloud.link': { scopedBy: 'admin-only', input: () => ({ name: 'Cloud', phoneNumberId: '106540352242922', wabaId: '102290129340398', accessToken: 'EAAG-token-0123456789abc', appSecret: 'a'.repeat(32) }), expect: 'role' },
  'cloud.updateCredentials': { scopedBy: 'admin-only', input: (w) => ({ numberId: w.rentals.id, appSecret: 'b'.repeat(32) }), expect: 'role' },
  'cloud.list': { scopedBy: 'admin-only', input: () => ({}), expect: 'role' },
  'cloud.get': { scopedBy: 'admin-only', input: (w) => ({ numberId: w.rentals.id }), expect: 'role' },
  'cloud.getGraphSettings': { scopedBy: 'admin-only', input: () => ({}), expect: 'role' },
  'cloud.saveGraphSettings': { scopedBy: 'admin-only', input: () => ({ baseUrl: 'http://127.0.0.1:9', version: 'v21.0' }), expect: 'role' },
  'cloud.connection': { scopedBy: 'admin-only', input: () => ({}), expect: 'role' },
  'cloud.saveTunnelSettings': { scopedBy: 'admin-only', input: () => ({ mode: 'none' }), expect: 'role' },
  'cloud.startTunnel': { scopedBy: 'admin-only', input: () => ({}), expect: 'role' },
  'cloud.stopTunnel': { scopedBy: 'admin-only', input: () => ({}), expect: 'role' },
  'cloud.selfTest': { scopedBy: 'admin-only', input: () => ({}), expect: 'role' },
  'cloud.syncTemplates': { scopedBy: 'admin-only', input: (w) => ({ numberId: w.rentals.id }), expect: 'role' },
  // Office-wide: only whether Cloud messages can arrive, no customer.
  'cloud.health': { scopedBy: 'none', input: () => ({}), expect: 'same' },
  'cloud.window': { scopedBy: 'conversation', input: (w) => ({ conversationId: w.theirs.id }), expect: { refused: 'number_not_allowed' } },
  'cloud.templates': { scopedBy: 'conversation', input: (w) => ({ numberId: w.rentals.id }), expect: { refused: 'number_not_allowed' } },
  'cloud.sendTemplate': { scopedBy: 'conversation', input: (w) => ({ conversationId: w.theirs.id, templateId: 1, body: ['سارة'] }), expect: { refused: 'number_not_allowed' } },
  'ai.getConfig': { scopedBy: 'managers-only', input: (w) => ({ numberId: w.rentals.id }), expect: 'role' },
  'ai.saveConfig': { scopedBy: 'admin-only', input: (w) => ({ numberId: w.rentals.id, enabled: true }), expect: 'role' },
  'ai.toggleConfig': { scopedBy: 'admin-only', input: (w) => ({ numberId: w.rentals.id }), expect: 'role' },
  'ai.getProvider': { scopedBy: 'managers-only', input: () => ({}), expect: 'role' },
  'ai.saveProvider': { scopedBy: 'admin-only', input: () => ({ baseUrl: 'http://127.0.0.1:11434/v1', model: 'qwen' }), expect: 'role' },
  'ai.testConnection': { scopedBy: 'admin-only', input: () => ({}), expect: 'role' },
  'ai.listFaq': { scopedBy: 'managers-only', input: () => ({}), expect: 'role' },
  'ai.saveFaq': { scopedBy: 'admin-only', input: () => ({ question: 'متى تفتحون؟', answer: 'من ٩ إلى ٥', language: 'ar' }), expect: 'role' },
  'ai.deleteFaq': { scopedBy: 'admin-only', input: () => ({ id: 1 }), expect: 'role' },
  'ai.console': { scopedBy: 'admin-only', input: (w) => ({ numberId: w.rentals.id, question: 'كم سعر الفيلا؟' }), expect: 'role' },
  'ai.conversationState': { scopedBy: 'conversation', input: (w) => ({ conversationId: w.theirs.id }), expect: { refused: 'number_not_allowed' } },
  'ai.resume': { scopedBy: 'conversation', input: (w) => ({ conversationId: w.theirs.id }), expect: { refused: 'number_not_allowed' } },
  'ai.rateMessage': { scopedBy: 'conversation', input: (w) => ({ messageId: w.theirMessage.id, rating: 'up' }), expect: { refused: 'number_not_allowed' } },
  'ai.stats': { scopedBy: 'managers-only', input: (w) => ({ numberId: w.rentals.id }), expect: 'role' },
  'ai.logs': { scopedBy: 'managers-only', input: (w) => ({ numberId: w.rentals.id }), expect: 'role' },
  'numbers.create': { scopedBy: 'admin-only', input: () => ({ name: 'x' }), expect: 'role' },
  'numbers.update': { scopedBy: 'admin-only', input: (w) => ({ id: w.rentals.id, name: 'x' }), expect: 'role' },
  'numbers.connect': { scopedBy: 'admin-only', input: (w) => ({ id: w.rentals.id }), expect: 'role' },
  'numbers.disconnect': { scopedBy: 'admin-only', input: (w) => ({ id: w.rentals.id }), expect: 'role' },
  'numbers.remove': { scopedBy: 'admin-only', input: (w) => ({ id: w.rentals.id }), expect: 'role' },
  'numbers.requestPairingCode': { scopedBy: 'admin-only', input: (w) => ({ id: w.rentals.id, phoneNumber: '0501234567' }), expect: 'role' },
  'numbers.demoScan': { scopedBy: 'admin-only', input: (w) => ({ id: w.rentals.id }), expect: 'role' },
  'numbers.demoEvent': { scopedBy: 'admin-only', input: (w) => ({ id: w.rentals.id, event: 'TOS_BLOCK' }), expect: 'role' },
  'numbers.setAgents': { scopedBy: 'admin-only', input: (w) => ({ id: w.rentals.id, agentIds: [w.agent.user.id] }), expect: 'role' },

  'conversations.list': {
    scopedBy: 'number',
    input: () => ({ search: 'الإيجارات' }),
    expect: { absent: (r, w) => expect(ids(ok<{ data: { id: number }[] }>(r).data)).not.toContain(w.theirs.id) },
  },
  'conversations.get': { scopedBy: 'conversation', input: (w) => ({ id: w.theirs.id }), expect: { refused: 'number_not_allowed' } },
  'conversations.update': { scopedBy: 'conversation', input: (w) => ({ id: w.theirs.id, isStarred: true }), expect: { refused: 'number_not_allowed' } },
  'conversations.assign': { scopedBy: 'conversation', input: (w) => ({ id: w.theirs.id, agentId: w.agent.user.id }), expect: { refused: 'number_not_allowed' } },
  'conversations.markRead': { scopedBy: 'conversation', input: (w) => ({ id: w.theirs.id }), expect: { refused: 'number_not_allowed' } },
  'messages.list': { scopedBy: 'conversation', input: (w) => ({ conversationId: w.theirs.id }), expect: { refused: 'number_not_allowed' } },
  'messages.send': { scopedBy: 'conversation', input: (w) => ({ conversationId: w.theirs.id, content: 'مرحبا' }), expect: { refused: 'number_not_allowed' } },
  'demo.advanceClock': { scopedBy: 'admin-only', input: () => ({ minutes: 60 }), expect: 'role' },
  'demo.customerSends': { scopedBy: 'conversation', input: (w) => ({ conversationId: w.theirs.id, kind: 'call' }), expect: { refused: 'number_not_allowed' } },
  'demo.customerSays': { scopedBy: 'conversation', input: (w) => ({ conversationId: w.theirs.id, text: 'مرحبا' }), expect: { refused: 'number_not_allowed' } },
  'demo.newCustomerWrites': { scopedBy: 'conversation', input: (w) => ({ numberId: w.rentals.id }), expect: { refused: 'number_not_allowed' } },
  'messages.versions': { scopedBy: 'conversation', input: (w) => ({ id: w.theirMessage.id }), expect: { refused: 'number_not_allowed' } },
  'conversations.unread': {
    scopedBy: 'number',
    input: () => ({}),
    // One unread conversation on each number: the agent counts only their own.
    expect: { absent: (r) => expect(ok<{ conversations: number }>(r).conversations).toBe(1) },
  },
  'messages.retry': { scopedBy: 'conversation', input: (w) => ({ id: w.theirMessage.id }), expect: { refused: 'number_not_allowed' } },

  'media.uploadStart': { scopedBy: 'self', input: () => ({ name: 'a.jpg', mimeType: 'image/jpeg', size: 3 }), expect: { own: (r) => expect(ok<{ uploadId: string }>(r).uploadId).toEqual(expect.any(String)) } },
  'media.uploadChunk': { scopedBy: 'self', input: (w) => ({ uploadId: w.adminUpload.uploadId, offset: 0, data: 'AAAA' }), expect: 'notFound' },
  'media.uploadFinish': { scopedBy: 'self', input: (w) => ({ uploadId: w.adminUpload.uploadId }), expect: 'notFound' },
  'media.uploadCancel': { scopedBy: 'self', input: (w) => ({ uploadId: w.adminUpload.uploadId }), expect: 'notFound' },
  'media.read': { scopedBy: 'conversation', input: (w) => ({ attachmentId: w.theirAttachmentId }), expect: { refused: 'number_not_allowed' } },

  'messages.sendTemplate': { scopedBy: 'conversation', input: (w) => ({ conversationId: w.theirs.id, templateId: w.template.id, variables: { name: 'x' } }), expect: { refused: 'number_not_allowed' } },
  'templates.list': { scopedBy: 'none', input: () => ({}), expect: 'same' },
  'templates.create': { scopedBy: 'managers-only', input: () => ({ name: 'x', content: 'y' }), expect: 'role' },
  'templates.update': { scopedBy: 'managers-only', input: (w) => ({ id: w.template.id, name: 'z' }), expect: 'role' },
  'templates.delete': { scopedBy: 'managers-only', input: (w) => ({ id: w.template.id }), expect: 'role' },

  'properties.list': {
    scopedBy: 'property-public',
    input: () => ({}),
    expect: {
      absent: (r, w) => {
        const listed = ok<{ id: number; interestCounts: Record<string, number> }[]>(r).find((p) => p.id === w.property.id);
        // Rentals' interest is at `viewing_scheduled` (its viewing is booked): no status may count it.
        expect(Object.values(listed?.interestCounts ?? {}).reduce((a, b) => a + b, 0)).toBe(0);
      },
    },
  },
  'properties.interestedConversations': {
    scopedBy: 'property-public',
    input: (w) => ({ id: w.property.id }),
    expect: { absent: (r) => expect(ok<unknown[]>(r)).toEqual([]) },
  },
  'properties.create': { scopedBy: 'managers-only', input: () => ({ name: 'x', type: 'villa' }), expect: 'role' },
  'properties.update': { scopedBy: 'managers-only', input: (w) => ({ id: w.property.id, price: 1 }), expect: 'role' },
  'properties.addPhoto': { scopedBy: 'managers-only', input: (w) => ({ id: w.property.id, uploadId: w.adminUpload.uploadId }), expect: 'role' },
  'properties.removePhoto': { scopedBy: 'managers-only', input: (w) => ({ id: w.property.id, photo: 'b'.repeat(64) }), expect: 'role' },
  'properties.photo': { scopedBy: 'property-public', input: (w) => ({ id: w.property.id, photo: 'b'.repeat(64) }), expect: 'same' },
  'properties.delete': { scopedBy: 'managers-only', input: (w) => ({ id: w.property.id }), expect: 'role' },
  'properties.priceHistory': { scopedBy: 'property-public', input: (w) => ({ id: w.property.id }), expect: 'same' },
  'properties.sendCard': {
    scopedBy: 'conversation',
    input: (w) => ({ conversationId: w.theirs.id, propertyId: w.property.id, language: 'ar', clientId: '00000000-0000-4000-8000-00000000c0de' }),
    expect: { refused: 'number_not_allowed' },
  },

  'branches.list': { scopedBy: 'none', input: () => ({}), expect: 'same' },
  'branches.create': { scopedBy: 'admin-only', input: () => ({ name: 'فرع جدة' }), expect: 'role' },
  'branches.update': { scopedBy: 'admin-only', input: () => ({ id: 1, name: 'فرع جدة' }), expect: 'role' },
  'branches.setArchived': { scopedBy: 'admin-only', input: () => ({ id: 1, archived: true }), expect: 'role' },
  'branches.delete': { scopedBy: 'admin-only', input: () => ({ id: 1 }), expect: 'role' },
  'conversations.interests': { scopedBy: 'conversation', input: (w) => ({ conversationId: w.theirs.id }), expect: { refused: 'number_not_allowed' } },
  'conversations.setInterest': { scopedBy: 'conversation', input: (w) => ({ conversationId: w.theirs.id, propertyId: w.property.id }), expect: { refused: 'number_not_allowed' } },
  'conversations.removeInterest': { scopedBy: 'conversation', input: (w) => ({ conversationId: w.theirs.id, propertyId: w.property.id }), expect: { refused: 'number_not_allowed' } },

  'contacts.list': {
    scopedBy: 'contact',
    input: () => ({ search: 'الإيجارات' }),
    expect: { absent: (r, w) => expect(ids(ok<{ data: { id: number }[] }>(r).data)).not.toContain(w.theirContactId) },
  },
  'contacts.get': { scopedBy: 'contact', input: (w) => ({ id: w.theirContactId }), expect: { refused: 'contact_not_allowed' } },
  'contacts.create': {
    scopedBy: 'self',
    input: () => ({ name: 'عميل جديد', phone: '0503334444' }),
    expect: { own: (r) => expect(ok<{ phone: string }>(r).phone).toBe('+966503334444') },
  },
  'contacts.update': { scopedBy: 'contact', input: (w) => ({ id: w.theirContactId, name: 'x' }), expect: { refused: 'contact_not_allowed' } },
  'contacts.addNote': { scopedBy: 'contact', input: (w) => ({ contactId: w.theirContactId, content: 'x' }), expect: { refused: 'contact_not_allowed' } },
  'contacts.deleteNote': { scopedBy: 'contact', input: (w) => ({ id: w.theirNote.id }), expect: { refused: 'contact_not_allowed' } },
  'contacts.tags': {
    scopedBy: 'contact',
    input: () => ({}),
    expect: { absent: (r) => expect(ok<{ tag: string }[]>(r).map((t) => t.tag)).not.toContain('إيجار-خاص') },
  },
  'contacts.importPreview': { scopedBy: 'managers-only', input: () => ({ csv: 'phone\n0501234567' }), expect: 'role' },
  'contacts.import': { scopedBy: 'managers-only', input: () => ({ csv: 'phone\n0501234567', mapping: { phone: 0 } }), expect: 'role' },
  'contacts.export': { scopedBy: 'managers-only', input: () => ({}), expect: 'role' },

  'office.get': { scopedBy: 'admin-only', input: () => ({}), expect: 'role' },
  'office.update': { scopedBy: 'admin-only', input: () => ({ display: { digits: 'arab', calendar: 'both' } }), expect: 'role' },
  'desktop.settings': { scopedBy: 'admin-only', input: () => ({}), expect: 'role' },
  'desktop.updateSettings': { scopedBy: 'admin-only', input: () => ({ startAtLogin: false, updateUrl: null, whatsappBrowser: 'electron-window' }), expect: 'role' },
  'office.display': { scopedBy: 'none', input: () => ({}), expect: 'same' },
  // Answers for now, so two calls may differ by their clock reading: any signed-in user gets it.
  'office.status': { scopedBy: 'none', input: () => ({}), expect: { own: (r) => expect(typeof ok<{ isOpen: boolean }>(r).isOpen).toBe('boolean') } },
  // The admin was told of both agents' sign-ins (notifications 1 and 2): none of it is the agent's.
  'notifications.list': {
    scopedBy: 'self',
    input: () => ({}),
    expect: { absent: (r) => expect(ok<{ items: { type: string }[] }>(r).items.filter((n) => n.type === 'staff_signed_in')).toEqual([]) },
  },
  'notifications.unread': { scopedBy: 'self', input: () => ({}), expect: { absent: (r) => expect(ok<{ unread: number }>(r).unread).toBe(0) } },
  'notifications.markRead': { scopedBy: 'self', input: () => ({ id: 1 }), expect: 'notFound' },
  'notifications.markAllRead': { scopedBy: 'self', input: () => ({}), expect: { own: (r) => expect(ok<{ unread: number }>(r).unread).toBe(0) } },
  'notifications.preferences': {
    scopedBy: 'self',
    input: () => ({}),
    expect: { absent: (r) => expect(ok<{ type: string }[]>(r).map((p) => p.type)).not.toContain('staff_signed_in') },
  },
  'notifications.setPreference': { scopedBy: 'self', input: () => ({ type: 'staff_signed_in', mode: 'off' }), expect: { own: (r) => expect(r).toMatchObject({ success: false, error: { code: 'FORBIDDEN' } }) } },
  'notifications.create': { scopedBy: 'admin-only', input: (w) => ({ userIds: [w.rentalsAgent.user.id], title: 'x' }), expect: 'role' },
  'backups.list': { scopedBy: 'admin-only', input: () => ({}), expect: 'role' },
  'backups.updateSettings': { scopedBy: 'admin-only', input: () => ({ dailyTime: '04:00' }), expect: 'role' },
  'backups.run': { scopedBy: 'admin-only', input: () => ({}), expect: 'role' },
  'backups.restore': { scopedBy: 'admin-only', input: () => ({ id: '20261125T090000Z', confirm: true }), expect: 'role' },
  'viewings.calendar': {
    scopedBy: 'number',
    input: (w) => ({ span: 'week', anchor: w.theirViewing.officeDate }),
    expect: { absent: (r, w) => expect(ids(ok<{ viewings: { id: number }[] }>(r).viewings)).not.toContain(w.theirViewing.id) },
  },
  'viewings.get': { scopedBy: 'viewing', input: (w) => ({ id: w.theirViewing.id }), expect: 'notFound' },
  'viewings.forConversation': { scopedBy: 'conversation', input: (w) => ({ conversationId: w.theirs.id }), expect: { refused: 'number_not_allowed' } },
  'viewings.forContact': {
    scopedBy: 'viewing',
    input: (w) => ({ contactId: w.theirContactId }),
    expect: { absent: (r, w) => expect(ids(ok<{ viewings: { id: number }[] }>(r).viewings)).not.toContain(w.theirViewing.id) },
  },
  'viewings.agents': { scopedBy: 'number', input: () => ({}), expect: { absent: (r, w) => expect(ids(ok<{ id: number }[]>(r))).not.toContain(w.rentalsAgent.user.id) } },
  'viewings.suggestSlot': { scopedBy: 'conversation', input: (w) => ({ conversationId: w.theirs.id }), expect: { refused: 'number_not_allowed' } },
  'viewings.book': {
    scopedBy: 'conversation',
    input: (w) => ({ conversationId: w.theirs.id, propertyId: w.property.id, date: w.theirViewing.officeDate, time: w.theirViewing.officeTime }),
    expect: { refused: 'number_not_allowed' },
  },
  'viewings.reschedule': { scopedBy: 'viewing', input: (w) => ({ id: w.theirViewing.id, date: w.theirViewing.officeDate, time: w.theirViewing.officeTime }), expect: 'notFound' },
  'viewings.update': { scopedBy: 'viewing', input: (w) => ({ id: w.theirViewing.id, notes: 'x' }), expect: 'notFound' },
  'viewings.setStatus': { scopedBy: 'viewing', input: (w) => ({ id: w.theirViewing.id, status: 'cancelled' }), expect: 'notFound' },
  'offers.list': {
    scopedBy: 'number',
    input: () => ({}),
    expect: { absent: (r, w) => expect(ids(ok<{ data: { id: number }[] }>(r).data)).not.toContain(w.theirOffer.id) },
  },
  'dashboard.summary': {
    scopedBy: 'number',
    input: () => ({ preset: '30d' }),
    expect: {
      absent: (r, w) => {
        const summary = ok<{ whatsappAccounts: { id: number }[]; recentConversations: { id: number }[] }>(r);
        expect(ids(summary.whatsappAccounts)).not.toContain(w.rentals.id);
        expect(ids(summary.recentConversations)).not.toContain(w.theirs.id);
      },
    },
  },
  'dashboard.drillDown': {
    scopedBy: 'number',
    input: () => ({ query: { preset: '30d' }, figure: 'episodes' }),
    expect: { absent: (r, w) => expect(ok<{ rows: { conversationId: number }[] }>(r).rows.map((row) => row.conversationId)).not.toContain(w.theirs.id) },
  },
  'dashboard.rebuild': { scopedBy: 'admin-only', input: () => ({}), expect: 'role' },
  'offers.get': { scopedBy: 'conversation', input: (w) => ({ id: w.theirOffer.id }), expect: 'notFound' },
  'offers.create': {
    scopedBy: 'conversation',
    input: (w) => ({ conversationId: w.theirs.id, propertyId: w.offerProperty.id, amount: '1,500,000', validUntil: '2099-12-31' }),
    expect: { refused: 'number_not_allowed' },
  },
  'offers.counter': { scopedBy: 'conversation', input: (w) => ({ id: w.theirOffer.id, by: 'office', amount: '2,100,000' }), expect: 'notFound' },
  'offers.accept': { scopedBy: 'conversation', input: (w) => ({ id: w.theirOffer.id }), expect: 'notFound' },
  'offers.reject': { scopedBy: 'conversation', input: (w) => ({ id: w.theirOffer.id }), expect: 'notFound' },
  'offers.withdraw': { scopedBy: 'conversation', input: (w) => ({ id: w.theirOffer.id }), expect: 'notFound' },
  'offers.undoAcceptance': { scopedBy: 'managers-only', input: (w) => ({ id: w.theirOffer.id, outcome: 'rejected' }), expect: 'role' },
  'office.tax': { scopedBy: 'none', input: () => ({}), expect: 'same' },
  'office.updateTax': { scopedBy: 'admin-only', input: () => ({ vatRegistered: false, sellerNameAr: 'x', sellerNameEn: '', vatNumber: '', vatRates: [{ from: '2020-07-01', basisPoints: 1500 }] }), expect: 'role' },
  'invoices.list': {
    scopedBy: 'contact',
    input: () => ({}),
    expect: { absent: (r, w) => expect(ids(ok<{ data: { id: number }[] }>(r).data)).not.toContain(w.theirInvoice.id) },
  },
  'invoices.get': { scopedBy: 'contact', input: (w) => ({ id: w.theirInvoice.id }), expect: 'notFound' },
  'invoices.createDraft': {
    scopedBy: 'contact',
    input: (w) => ({ contactId: w.theirContactId, lines: [{ descriptionAr: 'عمولة', quantity: '1', unitPrice: '100', vatCategory: 'standard' }] }),
    expect: { refused: 'contact_not_allowed' },
  },
  'invoices.createNote': {
    scopedBy: 'contact',
    input: (w) => ({ originalId: w.theirInvoice.id, kind: 'credit_note', reason: 'خصم', lines: [{ descriptionAr: 'خصم', quantity: '1', unitPrice: '100', vatCategory: 'standard' }] }),
    expect: 'notFound',
  },
  'invoices.updateDraft': { scopedBy: 'contact', input: (w) => ({ id: w.theirInvoice.id, notes: 'x' }), expect: 'notFound' },
  'invoices.deleteDraft': { scopedBy: 'contact', input: (w) => ({ id: w.theirInvoice.id }), expect: 'notFound' },
  'invoices.issue': { scopedBy: 'managers-only', input: (w) => ({ id: w.theirInvoice.id }), expect: 'role' },
  'invoices.addPayment': { scopedBy: 'managers-only', input: (w) => ({ id: w.theirInvoice.id, paidOn: '2030-01-01', amount: '100', method: 'cash' }), expect: 'role' },
  'invoices.pdf': { scopedBy: 'contact', input: (w) => ({ id: w.theirInvoice.id }), expect: 'notFound' },
  'invoices.sendToChat': { scopedBy: 'contact', input: (w) => ({ id: w.theirInvoice.id }), expect: 'notFound' },
  'invoices.brokerage': { scopedBy: 'conversation', input: (w) => ({ offerId: w.theirOffer.id }), expect: 'notFound' },
  'invoices.archive': { scopedBy: 'managers-only', input: () => ({ from: '2030-01-01', to: '2030-12-31' }), expect: 'role' },
  'invoices.archiveRead': { scopedBy: 'managers-only', input: () => ({ archiveId: '00000000-0000-4000-8000-000000000000' }), expect: 'role' },
  'promotions.list': { scopedBy: 'none', input: () => ({}), expect: 'same' },
  'promotions.current': { scopedBy: 'none', input: () => ({}), expect: 'same' },
  'promotions.create': { scopedBy: 'managers-only', input: () => ({ name: 'x', detailsAr: 'y', validFrom: '2030-01-01', validUntil: '2030-01-02' }), expect: 'role' },
  'promotions.update': { scopedBy: 'managers-only', input: () => ({ id: 1, name: 'x' }), expect: 'role' },
  'promotions.delete': { scopedBy: 'managers-only', input: () => ({ id: 1 }), expect: 'role' },
};

describe('every channel keeps an agent to the numbers they work', () => {
  let t: ReturnType<typeof startTestCore>;
  let w: TwoNumbersOffice;
  beforeAll(async () => {
    t = startTestCore();
    w = await twoNumbersOffice(t);
    theirJobId = pendingJobOn(t, w.theirs.id);
  });
  afterAll(() => t.close());

  const raw = async (channel: string, input: unknown, token: string) => (await t.core.router.call(channel, input, { clientKey: 'test', token })).result;

  it('has a scoping rule for every channel of the contract', () => {
    expect(Object.keys(table).sort()).toEqual(Object.keys(channels).sort());
  });

  // Signing out ends the session the rest use: it goes last.
  const order = (Object.keys(table) as ChannelName[]).sort((a, b) => Number(a === 'auth.signOut') - Number(b === 'auth.signOut'));
  it.each(order)('%s, called by the Sales agent about Rentals, shows or touches nothing of Rentals', async (channel) => {
    const rule = table[channel];
    const input = rule.input(w);
    const result = await raw(channel, input, w.agent.token);
    const { expect: outcome } = rule;
    if (outcome === 'role') {
      expect(result).toMatchObject({ success: false, error: { code: 'FORBIDDEN' } });
      expect(channels[channel].access).not.toBe('user');
    } else if (outcome === 'notFound') {
      expect(result).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } });
    } else if (outcome === 'same') {
      const forAdmin = await raw(channel, input, w.admin.token);
      expect(result.success).toBe(forAdmin.success);
      if (result.success && forAdmin.success) expect(result.data).toEqual(forAdmin.data);
      if (!result.success && !forAdmin.success) expect(result.error.code).toBe(forAdmin.error.code);
    } else if ('refused' in outcome) {
      expect(result).toMatchObject({ success: false, error: { code: 'FORBIDDEN', details: outcome.refused } });
    } else if ('absent' in outcome) {
      outcome.absent(result, w);
      // The sample does point at the other number's data: an admin sees it.
      const forAdmin = await raw(channel, input, w.admin.token);
      expect(() => outcome.absent(forAdmin, w)).toThrow();
    } else {
      outcome.own(result, w);
    }
  });

  it('leaves Rentals\' automation pending after the Sales agent was refused cancelling it', () => {
    expect(t.core.services.automation.store.get(theirJobId)).toMatchObject({ status: 'pending', reason: null });
  });

  it('lets the Rentals agent do what the Sales agent was refused, so the refusals are about numbers, not roles', async () => {
    for (const channel of Object.keys(table) as ChannelName[]) {
      const outcome = table[channel].expect;
      if (typeof outcome !== 'object' || !('refused' in outcome) || channel.startsWith('contacts.deleteNote')) continue;
      const result = await raw(channel, table[channel].input(w), w.rentalsAgent.token);
      if (!result.success) expect(result.error.code, channel).not.toBe('FORBIDDEN');
    }
  });
});
