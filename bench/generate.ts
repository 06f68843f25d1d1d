import fs from 'node:fs';
import path from 'node:path';
import { databaseFileName, openDatabase } from '../src/main/db/open-database';
import { phoneFromWhatsApp } from '../src/main/base/phone';
import { previewOf } from '../src/main/ingest/records';
import { hashPassword } from '../src/main/services/auth/passwords';
import { agentNames, customerDigits, intBelow, messageTextPool, pick, profileName, providerId, seededRandom } from './fake-data';

/** The sizes in issue 4. */
export const sizes = { numbers: 5, contacts: 80_000, conversations: 100_000, messages: 1_000_000 } as const;
/** Bump when the generated data changes shape, so a cached database is rebuilt. */
const generatorVersion = 2;

/** The office's people, all with the same password: an admin, two supervisors and ten agents. */
export const benchPassword = 'bench-password-1';
export const benchAdmin = { name: 'Bench Admin', email: 'bench@meras.test' };
const agentCount = 10;
/** Agent k (1-based) is `agent<k>@meras.test` and works numbers k-1 and k+1 (mod 5, 0-based). */
export const benchAgentEmail = (k: number): string => `agent${k}@meras.test`;
const agentNumbers = (k: number): number[] => [(k - 1) % sizes.numbers, (k + 1) % sizes.numbers];

export interface GeneratedData {
  dataDir: string;
  /** Seconds the generation took, or null when the cached database was reused. */
  seconds: number | null;
}

/**
 * The benchmark database, generated once through the real migrations and cached in
 * `cacheDir`; rebuilt when the migrations or the generator change.
 */
export async function generatedDatabase(cacheDir: string, migrationsDir: string): Promise<GeneratedData> {
  const dataDir = path.join(cacheDir, 'base');
  const stampFile = path.join(dataDir, 'stamp.json');
  const stamp = JSON.stringify({ generatorVersion, sizes, migrations: fs.readFileSync(path.join(migrationsDir, 'meta', '_journal.json'), 'utf8') });
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) return { dataDir, seconds: null };

  fs.rmSync(dataDir, { recursive: true, force: true });
  const started = performance.now();
  generate(dataDir, migrationsDir, await hashPassword(benchPassword));
  fs.writeFileSync(stampFile, stamp);
  return { dataDir, seconds: (performance.now() - started) / 1000 };
}

/** Message types and whether they carry text: mostly text, some photos (with or without a caption), documents, voice notes. */
const kinds = [
  { type: 'text', hasText: true },
  { type: 'image', hasText: true },
  { type: 'image', hasText: false },
  { type: 'document', hasText: false },
  { type: 'ptt', hasText: false },
] as const;
const contentOf = (texts: string[], textIndex: number, kind: number) => (kinds[kind]!.hasText ? texts[textIndex]! : '');

const statuses = { customer: 'delivered', agent: ['read', 'read', 'read', 'read', 'read', 'read', 'read', 'delivered', 'delivered', 'sent'] } as const;

function generate(dataDir: string, migrationsDir: string, passwordHash: string): void {
  const random = seededRandom(4);
  const database = openDatabase(dataDir, migrationsDir);
  const { sqlite } = database;
  // Bulk load only: a big page cache on this one connection. The app's own settings are untouched.
  sqlite.pragma('cache_size = -1000000');
  const end = Date.now() - 3_600_000;
  const start = end - 365 * 86_400_000;
  const texts = messageTextPool(random, 20_000);

  // Numbers: never linked, so no WhatsApp session starts on this database.
  const insertNumber = sqlite.prepare(
    "insert into whatsapp_numbers (phone_number, name, status, provider, quota_limit, linked_at, created_at, updated_at) values (?, ?, 'active', 'webjs', 1000, null, ?, ?)",
  );
  const numberNames = ['المبيعات – الرياض', 'التأجير – جدة', 'Sales – Dammam', 'خدمة العملاء', 'الإدارة العقارية'];
  sqlite.transaction(() => {
    for (let n = 0; n < sizes.numbers; n++) insertNumber.run(`+96611200${String(n).padStart(4, '0')}`, numberNames[n % numberNames.length], start, start);
  })();

  // People: user 1 the admin, 2–3 supervisors, 4–13 agents (agent k is user k + 3).
  const insertUser = sqlite.prepare(
    "insert into users (name, email, password_hash, role, status, is_active, language, created_at, updated_at) values (?, ?, ?, ?, 'OFFLINE', 1, ?, ?, ?)",
  );
  const insertNumberAgent = sqlite.prepare('insert into number_agents (whatsapp_number_id, user_id) values (?, ?)');
  const agentId = (k: number) => k + 3;
  sqlite.transaction(() => {
    insertUser.run(benchAdmin.name, benchAdmin.email, passwordHash, 'admin', 'ar', start, start);
    for (let k = 1; k <= 2; k++) insertUser.run(`Supervisor ${k}`, `supervisor${k}@meras.test`, passwordHash, 'supervisor', 'ar', start, start);
    for (let k = 1; k <= agentCount; k++) {
      insertUser.run(agentNames[(k - 1) % agentNames.length], benchAgentEmail(k), passwordHash, 'agent', k % 2 ? 'ar' : 'en', start, start);
      for (const n of agentNumbers(k)) insertNumberAgent.run(n + 1, agentId(k));
    }
  })();
  const agentsOf = Array.from({ length: sizes.numbers }, (_, n) => Array.from({ length: agentCount }, (_, i) => i + 1).filter((k) => agentNumbers(k).includes(n)));

  // Conversation i belongs to contact i mod 80,000; the 20,000 second conversations go to another number.
  const convContact = new Int32Array(sizes.conversations);
  const convNumber = new Int32Array(sizes.conversations);
  for (let i = 0; i < sizes.conversations; i++) {
    const c = i % sizes.contacts;
    convContact[i] = c;
    convNumber[i] = i < sizes.contacts ? c % sizes.numbers : ((c % sizes.numbers) + 1) % sizes.numbers;
  }

  // Messages per conversation: most have a few, some hundreds (exponential, mean 10).
  const counts = new Int32Array(sizes.conversations);
  const weights = Float64Array.from({ length: sizes.conversations }, () => -Math.log(1 - random()) * (random() < 0.01 ? 20 : 1));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  let total = 0;
  for (let i = 0; i < sizes.conversations; i++) total += counts[i] = 1 + Math.floor((weights[i]! / weightSum) * (sizes.messages - sizes.conversations));
  while (total < sizes.messages) (counts[intBelow(random, sizes.conversations)]! += 1), total++;

  // Messages arrive interleaved over a year, as they do: each thread's rows are spread over the table.
  const order = new Int32Array(sizes.messages);
  for (let i = 0, m = 0; i < sizes.conversations; i++) for (let k = 0; k < counts[i]!; k++) order[m++] = i;
  for (let m = sizes.messages - 1; m > 0; m--) {
    const j = intBelow(random, m + 1);
    const t = order[m]!;
    order[m] = order[j]!;
    order[j] = t;
  }
  const timeOf = (m: number) => start + Math.floor((m * (end - start)) / sizes.messages);
  const textOf = new Int32Array(sizes.messages);
  const kindOf = new Uint8Array(sizes.messages); // index into `kinds`
  const firstTime = new Float64Array(sizes.conversations).fill(-1);
  const lastMessage = new Int32Array(sizes.conversations);
  for (let m = 0; m < sizes.messages; m++) {
    const conv = order[m]!;
    textOf[m] = intBelow(random, texts.length);
    const roll = random();
    kindOf[m] = roll < 0.95 ? 0 : roll < 0.965 ? 1 : roll < 0.98 ? 2 : roll < 0.99 ? 3 : 4;
    if (firstTime[conv]! < 0) firstTime[conv] = timeOf(m);
    lastMessage[conv] = m;
  }

  // Contacts.
  const digits: string[] = [];
  const names: (string | null)[] = [];
  const insertContact = sqlite.prepare('insert into contacts (id, phone, name, tags, created_at, updated_at) values (?, ?, ?, ?, ?, ?)');
  sqlite.transaction(() => {
    for (let c = 0; c < sizes.contacts; c++) {
      const d = customerDigits(c, 0);
      const name = profileName(random);
      digits.push(d);
      names.push(name);
      const created = Math.min(firstTime[c]!, c + sizes.contacts < sizes.conversations ? firstTime[c + sizes.contacts]! : Infinity);
      const tags = random() < 0.2 ? JSON.stringify([pick(random, ['مهتم', 'VIP', 'إيجار', 'شراء', 'follow-up'])]) : '[]';
      insertContact.run(c + 1, phoneFromWhatsApp(d), name, tags, created, created);
    }
  })();

  // Conversations, with their last message, unread count and status as the app keeps them.
  // A quarter unassigned, one in twenty the admin's, the rest an agent of the number's; one in
  // seven conversations quiet for six months archived.
  const insertConversation = sqlite.prepare(
    `insert into conversations (id, contact_id, whatsapp_number_id, last_message, last_message_time, unread_count, has_unread, status, is_starred, is_archived, assigned_agent_id,
       wa_chat_id, customer_sort_name, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const halfYearAgo = end - 182 * 86_400_000;
  sqlite.transaction(() => {
    for (let i = 0; i < sizes.conversations; i++) {
      const roll = random();
      const status = roll < 0.6 ? 'active' : roll < 0.75 ? 'pending' : 'resolved';
      const last = lastMessage[i]!;
      const unread = status === 'active' && random() < 0.3 ? 1 + intBelow(random, 5) : 0;
      const lastTime = timeOf(last);
      const number = convNumber[i]!;
      const who = random();
      const assigned = who < 0.25 ? null : who < 0.3 ? 1 : agentId(pick(random, agentsOf[number]!));
      const contact = convContact[i]!;
      insertConversation.run(i + 1, contact + 1, number + 1, previewOf(contentOf(texts, textOf[last]!, kindOf[last]!), kinds[kindOf[last]!]!.type), lastTime, unread, unread > 0 ? 1 : 0, status,
        random() < 0.03 ? 1 : 0, lastTime < halfYearAgo && random() < 0.15 ? 1 : 0, assigned, `${digits[contact]}@c.us`, names[contact] ?? phoneFromWhatsApp(digits[contact]!), firstTime[i]!, lastTime);
    }
  })();

  // Messages, 100,000 a transaction.
  const insertMessage = sqlite.prepare(
    `insert into messages (conversation_id, whatsapp_number_id, content, type, sender, sender_name, status, whatsapp_message_id, error_code, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const batch = sqlite.transaction((from: number, to: number) => {
    for (let m = from; m < to; m++) {
      const conv = order[m]!;
      const contact = convContact[conv]!;
      const fromMe = random() < 0.45;
      const kind = kindOf[m]!;
      const failed = fromMe && random() < 0.01;
      const status = !fromMe ? statuses.customer : failed ? 'failed' : pick(random, statuses.agent);
      const chat = `${digits[contact]}@c.us`;
      insertMessage.run(conv + 1, convNumber[conv]! + 1, contentOf(texts, textOf[m]!, kind), kinds[kind]!.type, fromMe ? 'agent' : 'customer', fromMe ? pick(random, agentNames) : names[contact] ?? null,
        status, failed ? null : providerId(fromMe, chat, m, random), failed ? 'invalid_recipient' : null, timeOf(m));
    }
  });
  for (let from = 0; from < sizes.messages; from += 100_000) batch(from, Math.min(from + 100_000, sizes.messages));

  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  database.close();
  if (fs.existsSync(path.join(dataDir, `${databaseFileName}-wal`))) throw new Error('the generated database kept a WAL file');
}
