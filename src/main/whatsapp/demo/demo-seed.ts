import path from 'node:path';
import { count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/open-database';
import { branches, contacts, conversationPropertyInterests, conversations, messages, messageTemplates, numberAgents, properties, users, whatsappNumbers } from '../../db/schema';
import { parseTemplate } from '../../../shared/templates/template-text';
import { hashPassword } from '../../services/auth/passwords';
import { demoPhoneForNumber, lidForPhone, phoneMessageId, seededRandom, serializedKey, webMessageId } from './demo-ids';
import { markDemoLinked } from './demo-link';
import { quoteProperty, type QuotedProperty } from './demo-prices';
import { demoTemplates, seededCustomers } from './demo-seed-data';

export { markDemoLinked } from './demo-link';

export const demoPassword = 'demo-pass-123';
export const demoAgents = [
  { name: 'أحمد الحربي', email: 'agent1@demo.meras', phone: '+966501234567', language: 'ar' as const },
  { name: 'مها الرشيد', email: 'agent2@demo.meras', phone: '+966551234567', language: 'en' as const },
];
export const demoNumberName = 'المبيعات – العرض التجريبي';

export interface DemoSeedOptions {
  /** The app's data folder: the demo number's session folder in it is marked linked too. */
  dataDir?: string;
  now?: number;
}

export interface DemoSeedResult {
  branchId: number;
  agentIds: number[];
  numberId: number;
  /** The demo number's phone, E.164. */
  numberPhone: string;
  contactIds: number[];
  conversationIds: number[];
  /** The demo catalogue, in the order demo-deals.ts names it. */
  propertyIds: number[];
}

/** Which seeded customers (by index) are interested in which demo property (by index), as their chats tell. */
const seededInterests = [
  { customer: 0, property: 0, status: 'viewing_scheduled' },
  { customer: 5, property: 0, status: 'offer_made' },
  { customer: 1, property: 1, status: 'interested' },
  { customer: 2, property: 2, status: 'interested' },
  { customer: 6, property: 2, status: 'interested' },
  { customer: 7, property: 3, status: 'not_interested' },
] as const;

/** Where a number's WhatsApp session lives: `<dataDir>/sessions/number-<id>`. */
export function demoSessionDir(dataDir: string, numberId: number): string {
  return path.join(dataDir, 'sessions', `number-${numberId}`);
}

/**
 * Demo mode's office: a branch, two agents, a linked demo number and a dozen customers with
 * short conversations, in one transaction, only while the database has no WhatsApp number
 * (so a second start, or an office that added its own, changes nothing). No admin: the
 * first-run setup still asks for one.
 */
export async function seedDemoData(db: Db, options: DemoSeedOptions = {}): Promise<DemoSeedResult | null> {
  if (hasNumbers(db)) return null;
  const agents = await Promise.all(demoAgents.map(async (agent) => ({ ...agent, passwordHash: await hashPassword(demoPassword) })));
  const now = options.now ?? Date.now();
  const random = seededRandom(20261125);
  const licenceExpiry = new Date(now + 365 * 86_400_000).toISOString().slice(0, 10);

  const result = db.transaction((tx): DemoSeedResult | null => {
    if (hasNumbers(tx)) return null;
    const branch = tx
      .insert(branches)
      .values({ name: 'فرع الرياض – حي العليا', nameEn: 'Riyadh – Olaya branch', city: 'الرياض', address: 'طريق العليا العام، حي العليا، الرياض 12211', phone: '+966112345678', createdAt: now, updatedAt: now })
      .returning({ id: branches.id })
      .get();

    const agentIds = agents.map((agent) => {
      const existing = tx.select({ id: users.id }).from(users).where(eq(users.email, agent.email)).get();
      if (existing) return existing.id;
      return tx
        .insert(users)
        .values({ ...agent, role: 'agent', branchId: branch.id, createdAt: now, updatedAt: now })
        .returning({ id: users.id })
        .get().id;
    });

    const number = tx
      .insert(whatsappNumbers)
      .values({ name: demoNumberName, status: 'active', provider: 'webjs', employeeId: agentIds[0] ?? null, branchId: branch.id, linkedAt: now, createdAt: now, updatedAt: now })
      .returning({ id: whatsappNumbers.id })
      .get();
    const numberPhone = `+${demoPhoneForNumber(number.id)}`;
    tx.update(whatsappNumbers).set({ phoneNumber: numberPhone }).where(eq(whatsappNumbers.id, number.id)).run();
    // Both demo agents work the demo number.
    for (const userId of agentIds) tx.insert(numberAgents).values({ whatsappNumberId: number.id, userId }).run();
    // A small catalogue for property interests on conversations.
    const propertyIds = tx
      .insert(properties)
      .values([
        // Prices in halalas. The land is reserved by the accepted offer demo-deals.ts logs. The first three carry a REGA advertising licence valid for a year, so their cards can be sent.
        { name: 'شقة ٤ غرف – حي النرجس', type: 'apartment', location: 'النرجس، الرياض', city: 'الرياض', district: 'النرجس', price: 95_000_000, bedrooms: 4, area: 210, status: 'available', branchId: branch.id, adLicenceNumber: '7100012345', adLicenceExpiry: licenceExpiry, createdAt: now, updatedAt: now },
        { name: 'فيلا دوبلكس – حي حطين', type: 'villa', location: 'حطين، الرياض', city: 'الرياض', district: 'حطين', price: 320_000_000, bedrooms: 6, area: 450, status: 'available', branchId: branch.id, adLicenceNumber: '7100012346', adLicenceExpiry: licenceExpiry, createdAt: now, updatedAt: now },
        { name: 'شقة للإيجار – حي الملقا', type: 'apartment', location: 'الملقا، الرياض', city: 'الرياض', district: 'الملقا', listing: 'rent', rentPeriod: 'yearly', price: 6_500_000, bedrooms: 3, area: 160, status: 'available', branchId: branch.id, adLicenceNumber: '7100012347', adLicenceExpiry: licenceExpiry, createdAt: now, updatedAt: now },
        { name: 'أرض سكنية – حي القيروان', type: 'land', location: 'القيروان، الرياض', city: 'الرياض', district: 'القيروان', price: 180_000_000, bedrooms: null, area: 625, status: 'available', branchId: branch.id, createdAt: now, updatedAt: now },
      ])
      .returning({ id: properties.id })
      .all()
      .map((row) => row.id);
    // Agents' answers quote the catalogue as it is stored, so a demo's prices agree with the Properties page.
    const stored = new Map(tx.select().from(properties).where(inArray(properties.id, propertyIds)).all().map((row) => [row.id, row]));
    const catalogue: (QuotedProperty | undefined)[] = propertyIds.map((id) => stored.get(id));

    // The office's usual answers, ready in the composer's template picker.
    tx.insert(messageTemplates)
      .values(demoTemplates.map((t) => ({ ...t, variables: JSON.stringify(parseTemplate(t.content).variables), createdAt: now, updatedAt: now })))
      .run();

    const contactIds: number[] = [];
    const conversationIds: number[] = [];
    for (const customer of seededCustomers) {
      const history = customer.history.map((entry) => {
        const property = entry.quotes === undefined ? undefined : catalogue[entry.quotes];
        return property ? { ...entry, text: quoteProperty(entry.text, property, customer.language) } : entry;
      });
      const digits = customer.phone.replace(/\D/g, '');
      const lid = customer.appearsAsLid ? lidForPhone(digits) : null;
      const chatId = lid ?? `${digits}@c.us`;
      const times = history.map((_, i) => now - (customer.lastMinutesAgo + 6 * (history.length - 1 - i)) * 60_000);
      const firstAt = times[0] ?? now;
      const lastAt = times.at(-1) ?? now;
      const contact = tx
        .insert(contacts)
        .values({ phone: customer.phone, name: customer.name, tags: JSON.stringify(customer.tags), waLid: lid, createdAt: firstAt, updatedAt: lastAt })
        .returning({ id: contacts.id })
        .get();
      const agentId = customer.agent === null ? null : (agentIds[customer.agent] ?? null);
      const conversation = tx
        .insert(conversations)
        .values({
          contactId: contact.id,
          whatsappNumberId: number.id,
          lastMessage: history.at(-1)?.text ?? null,
          lastMessageTime: lastAt,
          unreadCount: customer.unread,
          status: customer.status,
          assignedAgentId: agentId,
          waChatId: chatId,
          createdAt: firstAt,
          updatedAt: lastAt,
        })
        .returning({ id: conversations.id })
        .get();
      const unreadFrom = history.length - customer.unread;
      history.forEach((entry, i) => {
        const fromCustomer = entry.from === 'customer';
        const agent = agentId === null ? demoAgents[0] : demoAgents[agentIds.indexOf(agentId)];
        tx.insert(messages)
          .values({
            conversationId: conversation.id,
            whatsappNumberId: number.id,
            content: entry.text,
            type: 'text',
            sender: fromCustomer ? 'customer' : 'agent',
            senderName: fromCustomer ? customer.name : (agent?.name ?? null),
            senderId: fromCustomer ? null : (agentId ?? agentIds[0] ?? null),
            status: (fromCustomer && i >= unreadFrom) || entry.delivered ? 'delivered' : 'read',
            whatsappMessageId: serializedKey(!fromCustomer, chatId, fromCustomer ? phoneMessageId(random) : webMessageId(random)),
            createdAt: times[i] ?? now,
          })
          .run();
      });
      contactIds.push(contact.id);
      conversationIds.push(conversation.id);
    }
    for (const { customer, property, status } of seededInterests) {
      const conversationId = conversationIds[customer];
      const propertyId = propertyIds[property];
      if (conversationId === undefined || propertyId === undefined) continue;
      tx.insert(conversationPropertyInterests).values({ conversationId, propertyId, status, createdAt: now, updatedAt: now }).run();
    }
    return { branchId: branch.id, agentIds, numberId: number.id, numberPhone, contactIds, conversationIds, propertyIds };
  });

  if (result && options.dataDir) markDemoLinked(demoSessionDir(options.dataDir, result.numberId), { linkedAt: now });
  return result;
}

function hasNumbers(db: Pick<Db, 'select'>): boolean {
  return (db.select({ n: count() }).from(whatsappNumbers).get()?.n ?? 0) > 0;
}
