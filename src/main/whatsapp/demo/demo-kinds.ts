import type { DemoKind } from '../../../shared/demo/contract';
import { phoneMessageId, type Random } from './demo-ids';
import type { StoredMessage } from './demo-journal';
import type { DemoWorld } from './demo-world';

/** A location's base64 thumbnail sits in `body`, as WhatsApp Web puts it there. */
const thumbnail = '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJCAc'.repeat(8);

/** The fixed content of each kind, so a demo (and its browser test) knows what it will see. */
export const demoKindContent = {
  location: { lat: 24.8255, lng: 46.6521, name: 'حي النرجس', address: 'الرياض، طريق الملك سلمان' },
  contact: { name: 'سالم العتيبي', waid: '966512345678', written: '+966 51 234 5678' },
  reply: { ar: 'أعيد سؤالي هذا، ما وصلني رد', en: 'Asking this again, no answer yet' },
  replyToAgent: { ar: 'تمام، هذا اللي أبغاه بالضبط', en: 'Yes, exactly this one' },
  edit: { ar: '، لو سمحت', en: ', please' },
  reaction: '👍',
} as const;

/**
 * The customer of `chatId` sends a kind beyond text, through the demo world, so the demo Client
 * reports it exactly as whatsapp-web.js would (message_create, message_edit,
 * message_revoke_everyone, message_reaction). False when the chat has nothing to act on
 * (nothing to quote, edit, delete or react to).
 */
export function customerSends(world: DemoWorld, phoneWid: string, chatId: string, kind: DemoKind, random: Random): boolean {
  const messages = world.stored(phoneWid, chatId);
  const theirs = messages.filter((m) => !m.fromMe && m.type !== 'revoked');
  const ours = messages.filter((m) => m.fromMe && m.type !== 'revoked');
  const notifyName = [...theirs].reverse().find((m) => m.notifyName)?.notifyName;
  const english = theirs.length > 0 && /^[\x20-\x7e]*$/.test(theirs.find((m) => m.type === 'chat')?.body ?? '');
  const write = (type: string, body: string, data?: Record<string, unknown>): true => {
    world.customerWrites(phoneWid, { id: phoneMessageId(random), chatId, fromMe: false, body, type, t: 0, ack: 1, ...(data ? { data } : {}), ...(notifyName ? { notifyName } : {}) });
    return true;
  };
  // Their plain texts that are not replies: what a customer edits or deletes.
  const plain = theirs.filter((m) => m.type === 'chat' && !m.data?.quotedMsg);
  switch (kind) {
    case 'location': {
      const place = demoKindContent.location;
      return write('location', thumbnail, { lat: place.lat, lng: place.lng, loc: `${place.name}\n${place.address}` });
    }
    case 'contact': {
      const card = demoKindContent.contact;
      return write('vcard', `BEGIN:VCARD\nVERSION:3.0\nN:;${card.name};;;\nFN:${card.name}\nTEL;type=CELL;type=VOICE;waid=${card.waid}:${card.written}\nEND:VCARD`, { vcardFormattedName: card.name });
    }
    case 'reply': {
      const original = plain[0];
      if (!original) return false;
      return write('chat', demoKindContent.reply[english ? 'en' : 'ar'], quoteOf(original, chatId));
    }
    case 'replyToAgent': {
      const original = ours.at(-1);
      if (!original) return false;
      return write('chat', demoKindContent.replyToAgent[english ? 'en' : 'ar'], quoteOf(original, phoneWid));
    }
    case 'edit': {
      const target = plain.filter((m) => !m.editedAt).at(-1);
      if (!target) return false;
      world.edit(phoneWid, chatId, target.id, `${target.body}${demoKindContent.edit[english ? 'en' : 'ar']}`);
      return true;
    }
    case 'revoke': {
      const target = plain.filter((m) => !m.editedAt).at(-1);
      if (!target) return false;
      world.revoke(phoneWid, chatId, target.id);
      return true;
    }
    case 'reaction': {
      const target = ours.at(-1);
      if (!target) return false;
      world.react(phoneWid, chatId, target.id, chatId, demoKindContent.reaction);
      return true;
    }
    case 'call':
      return write('call_log', '', { callOutcome: 'missed', isVideoCall: false });
  }
}

/** The raw model fields of a reply quoting `original`, written by `author`. */
export function quoteOf(original: StoredMessage, author: string): Record<string, unknown> {
  const caption = original.type === 'chat' ? undefined : original.body;
  return { quotedStanzaID: original.id, quotedParticipant: author, quotedMsg: { type: original.type, body: original.body, ...(caption ? { caption } : {}) } };
}
