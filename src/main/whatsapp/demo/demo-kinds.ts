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

/** The message a kind acts on (quotes, edits, deletes, reacts to), as the office's database has it. */
export interface DemoTarget {
  /** WhatsApp's serialized id: `false_<chat>_<id>` (the customer's) or `true_<chat>_<id>` (ours). */
  providerId: string;
  body: string;
}

/**
 * The customer of `chatId` sends a kind beyond text, through the demo world, so the demo Client
 * reports it exactly as whatsapp-web.js would (message_create, message_edit,
 * message_revoke_everyone, message_reaction). Kinds that act on a message need `target`; the
 * phone is given it first if it does not hold it (the demo office's seeded history lives only
 * in the database). False when a target is needed and missing.
 */
export function customerSends(world: DemoWorld, phoneWid: string, chatId: string, kind: DemoKind, random: Random, target?: DemoTarget): boolean {
  const theirs = world.stored(phoneWid, chatId).filter((m) => !m.fromMe);
  const notifyName = [...theirs].reverse().find((m) => m.notifyName)?.notifyName;
  const english = target !== undefined && /^[\x20-\x7e]*$/.test(target.body);
  const write = (type: string, body: string, data?: Record<string, unknown>): true => {
    world.customerWrites(phoneWid, { id: phoneMessageId(random), chatId, fromMe: false, body, type, t: 0, ack: 1, ...(data ? { data } : {}), ...(notifyName ? { notifyName } : {}) });
    return true;
  };
  switch (kind) {
    case 'location': {
      const place = demoKindContent.location;
      return write('location', thumbnail, { lat: place.lat, lng: place.lng, loc: `${place.name}\n${place.address}` });
    }
    case 'contact': {
      const card = demoKindContent.contact;
      return write('vcard', `BEGIN:VCARD\nVERSION:3.0\nN:;${card.name};;;\nFN:${card.name}\nTEL;type=CELL;type=VOICE;waid=${card.waid}:${card.written}\nEND:VCARD`, { vcardFormattedName: card.name });
    }
    case 'call':
      return write('call_log', '', { callOutcome: 'missed', isVideoCall: false });
  }
  const original = target ? onPhone(world, phoneWid, chatId, target) : null;
  if (!original) return false;
  switch (kind) {
    case 'reply':
      return write('chat', demoKindContent.reply[english ? 'en' : 'ar'], quoteOf(original, chatId));
    case 'replyToAgent':
      return write('chat', demoKindContent.replyToAgent[english ? 'en' : 'ar'], quoteOf(original, chatId.endsWith('@lid') ? world.ownLid(phoneWid) : phoneWid));
    case 'edit':
      world.edit(phoneWid, chatId, original.id, `${original.body}${demoKindContent.edit[english ? 'en' : 'ar']}`);
      return true;
    case 'revoke':
      world.revoke(phoneWid, chatId, original.id);
      return true;
    case 'reaction':
      world.react(phoneWid, chatId, original.id, chatId, demoKindContent.reaction);
      return true;
  }
}

/** The customer of `chatId` types a text of the demo user's choosing, under the name they wrote with before. */
export function customerSays(world: DemoWorld, phoneWid: string, chatId: string, text: string, random: Random): boolean {
  const theirs = world.stored(phoneWid, chatId).filter((m) => !m.fromMe);
  const notifyName = [...theirs].reverse().find((m) => m.notifyName)?.notifyName;
  world.customerWrites(phoneWid, { id: phoneMessageId(random), chatId, fromMe: false, body: text, type: 'chat', t: 0, ack: 1, ...(notifyName ? { notifyName } : {}) });
  return true;
}

/** The target as the phone holds it, added quietly when the phone does not have it yet. */
function onPhone(world: DemoWorld, phoneWid: string, chatId: string, target: DemoTarget): StoredMessage | null {
  const [fromMe, chat, id] = target.providerId.split('_');
  if (chat !== chatId || !id) return null;
  return world.stored(phoneWid, chatId).find((m) => m.id === id) ?? world.adopt(phoneWid, { id, chatId, fromMe: fromMe === 'true', body: target.body, t: 0, ack: 3, type: 'chat' });
}

/** The raw model fields of a reply quoting `original`, written by `author`. */
export function quoteOf(original: StoredMessage, author: string): Record<string, unknown> {
  const caption = original.type === 'chat' ? undefined : original.body;
  return { quotedStanzaID: original.id, quotedParticipant: author, quotedMsg: { type: original.type, body: original.body, ...(caption ? { caption } : {}) } };
}
