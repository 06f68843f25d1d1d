import { describe, expect, it } from 'vitest';
import type { ConversationView } from '../../../shared/inbox/types';
import { shouldNotify } from './alert-rules';

const conversation = (assignedAgentId: number | null): ConversationView => ({
  id: 5,
  contact: { id: 1, name: 'ماجد العمري', phone: '+966505523187' },
  whatsappNumberId: 1,
  numberName: 'المبيعات',
  lastMessage: 'السلام عليكم',
  lastMessageTime: '2026-03-01T09:00:00Z',
  unreadCount: 1,
  status: 'active',
  isStarred: false,
  isArchived: false,
  assignedAgentId,
  assignedAgentName: assignedAgentId === null ? null : 'Agent',
});

describe('desktop notifications for a new customer message', () => {
  it('come for conversations assigned to the user or to nobody, not for a colleague’s', () => {
    expect(shouldNotify(conversation(7), 7, null, true)).toBe(true);
    expect(shouldNotify(conversation(null), 7, null, true)).toBe(true);
    expect(shouldNotify(conversation(8), 7, null, false)).toBe(false);
  });

  it('stay quiet while that conversation is open in a focused window', () => {
    expect(shouldNotify(conversation(7), 7, 5, true)).toBe(false);
    expect(shouldNotify(conversation(7), 7, 5, false)).toBe(true);
    expect(shouldNotify(conversation(null), 7, 6, true)).toBe(true);
  });
});
