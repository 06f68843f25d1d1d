import type Database from 'better-sqlite3';
import { systemClock } from '../src/main/base/clock';
import { Ingest } from '../src/main/ingest/ingest';
import type { InboundMessage } from '../src/main/whatsapp/transport';
import { customerDigits, intBelow, messageTextPool, profileName, providerId, seededRandom, type Random } from './fake-data';
import { heading, line, perSecond, target, thousands } from './report';

const measured = 50_000;
const rounds = 5;
const warmUp = 1_000;
const batched = 20_000;
const unsynced = 10_000;

interface Existing {
  conversationIds: Int32Array;
  numberOf: Int32Array;
  digitsOf: string[];
  nameOf: (string | null)[];
  phones: Set<string>;
  numberIds: number[];
}

/**
 * Ingest through the real path (one transaction per message, as the app does) beside plain
 * single-row inserts into `messages` in one transaction each, on the same connection (opened
 * as the core opens it, WAL checkpoints in a worker), in alternating rounds so both see the
 * same machine noise.
 */
export function benchIngest(sqlite: Database.Database): void {
  heading(`Ingest (${thousands(measured)} messages in ${rounds} rounds, one transaction per message)`);
  const random = seededRandom(77);
  const existing = loadExisting(sqlite);
  const texts = messageTextPool(random, 5_000);
  const inbound = inboundMessages(random, existing, texts, measured + warmUp + batched + unsynced);
  const ingest = new Ingest(sqlite, systemClock);

  const insertRaw = sqlite.prepare<[number, number, string, string, string, string | null, string, string, number]>(
    `insert into messages (conversation_id, whatsapp_number_id, content, type, sender, sender_name, status, whatsapp_message_id, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const rawOne = sqlite.transaction((m: InboundMessage, conversationId: number, numberId: number) =>
    insertRaw.run(conversationId, numberId, m.body, 'text', 'customer', m.profileName, 'delivered', `raw_${m.providerId}`, m.timestamp),
  );
  const rawTargets = inbound.map(() => intBelow(random, existing.conversationIds.length));

  const outcomes = new Map<string, number>();
  let created = 0;
  let reopened = 0;
  const runIngest = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const m = inbound[i]!;
      const result = ingest.ingest(m.numberId, m);
      outcomes.set(result.kind, (outcomes.get(result.kind) ?? 0) + 1);
      if (result.kind === 'stored' && result.reopened) reopened++;
    }
  };
  const runRaw = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const k = rawTargets[i]!;
      rawOne(inbound[i]!, existing.conversationIds[k]!, existing.numberOf[k]!);
    }
  };
  const contactsBefore = count(sqlite, 'contacts');

  runRaw(0, warmUp);
  runIngest(0, warmUp);
  let rawMs = 0;
  let ingestMs = 0;
  const perRound = measured / rounds;
  for (let r = 0; r < rounds; r++) {
    const from = warmUp + r * perRound;
    let t = performance.now();
    runRaw(from, from + perRound);
    rawMs += performance.now() - t;
    t = performance.now();
    runIngest(from, from + perRound);
    ingestMs += performance.now() - t;
  }
  created = count(sqlite, 'contacts') - contactsBefore;

  const rawRate = perSecond(measured, rawMs);
  const ingestRate = perSecond(measured, ingestMs);
  line('messages (incl. 1,000 warm-up)', `${[...outcomes].map(([k, n]) => `${thousands(n)} ${k}`).join(', ')}; ${thousands(created)} new contacts, ${thousands(reopened)} reopened`);
  line('raw insert (1 row, 1 transaction each)', `${thousands(rawRate)} msg/s  (${(rawMs / measured * 1000).toFixed(1)} µs/msg)`);
  target('ingest throughput, real path', `${thousands(ingestRate)} msg/s`, ingestRate >= 5_000, '≥ 5,000/s');
  target('ingest ÷ raw insert', `${((ingestRate / rawRate) * 100).toFixed(1)} %`, ingestRate / rawRate >= 0.25, '≥ 25 %');
  line('ingest cost per message', `${(ingestMs / measured * 1000).toFixed(1)} µs`);

  // Catch-up commits a hundred messages at a time, each still its own savepoint (MessagePipeline).
  const start = warmUp + measured;
  const batch = sqlite.transaction((from: number, to: number) => runIngest(from, to));
  const t = performance.now();
  for (let from = start; from < start + batched; from += 100) batch(from, Math.min(from + 100, start + batched));
  const batchedRate = perSecond(batched, performance.now() - t);
  target('ingest in catch-up batches (100 per commit)', `${thousands(batchedRate)} msg/s`, batchedRate >= 5_000, '≥ 5,000/s');

  // Where the time goes: the same path, one transaction per message, with SQLite never
  // waiting for the disk (synchronous = OFF — never the app's setting: a power cut could
  // corrupt the file). What is left is the CPU cost; the rest of the figure above is fsync.
  sqlite.pragma('synchronous = OFF');
  const u = performance.now();
  runIngest(start + batched, start + batched + unsynced);
  const unsyncedRate = perSecond(unsynced, performance.now() - u);
  sqlite.pragma('synchronous = NORMAL');
  line('the same without waiting for the disk (not a target)', `${thousands(unsyncedRate)} msg/s  (${((1000 / unsyncedRate) * 1000).toFixed(1)} µs/msg, synchronous = OFF)`);
}

function count(sqlite: Database.Database, table: 'contacts' | 'messages'): number {
  return (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
}

export function loadExisting(sqlite: Database.Database): Existing {
  const rows = sqlite
    .prepare<[], { id: number; number_id: number; phone: string | null; name: string | null }>(
      'select c.id, c.whatsapp_number_id as number_id, ct.phone, ct.name from conversations c join contacts ct on ct.id = c.contact_id where ct.phone is not null',
    )
    .all();
  return {
    conversationIds: Int32Array.from(rows, (r) => r.id),
    numberOf: Int32Array.from(rows, (r) => r.number_id),
    digitsOf: rows.map((r) => r.phone!.slice(1)),
    nameOf: rows.map((r) => r.name),
    phones: new Set(rows.map((r) => r.phone!)),
    numberIds: sqlite.prepare<[], { id: number }>('select id from whatsapp_numbers order by id').all().map((r) => r.id),
  };
}

export type Inbound = InboundMessage & { numberId: number };

/**
 * Half from customers never seen before (2% of them known only by an `@lid`), half from
 * existing customers — mostly on the number they already write to, one in ten on another —
 * and one existing-customer message in ten typed by the agent on the phone (`fromMe`).
 */
/** `newCustomers`: the share of messages from customers the office never heard from (each opens a conversation). */
export function inboundMessages(random: Random, existing: Existing, texts: string[], total: number, newCustomers = 0.5): Inbound[] {
  const messages: Inbound[] = [];
  const start = Date.now();
  let fresh = 0;
  for (let i = 0; i < total; i++) {
    const body = texts[intBelow(random, texts.length)]!;
    const timestamp = start + i;
    if (random() < newCustomers) {
      const numberId = existing.numberIds[intBelow(random, existing.numberIds.length)]!;
      if (random() < 0.02) {
        const lid = `${String(10_000_000_000_000 + fresh++ * 7_919)}@lid`;
        messages.push(message({ numberId, chatId: lid, customerPhone: null, customerLid: lid, fromMe: false, body, timestamp, name: profileName(random), serial: i }, random));
        continue;
      }
      let digits = customerDigits(fresh++, 1);
      while (existing.phones.has(`+${digits}`)) digits = customerDigits(fresh++, 1);
      messages.push(message({ numberId, chatId: `${digits}@c.us`, customerPhone: digits, customerLid: null, fromMe: false, body, timestamp, name: profileName(random), serial: i }, random));
    } else {
      const k = intBelow(random, existing.conversationIds.length);
      const numberId = random() < 0.9 ? existing.numberOf[k]! : existing.numberIds[intBelow(random, existing.numberIds.length)]!;
      const digits = existing.digitsOf[k]!;
      const fromMe = random() < 0.1;
      messages.push(message({ numberId, chatId: `${digits}@c.us`, customerPhone: digits, customerLid: null, fromMe, body, timestamp, name: existing.nameOf[k] ?? null, serial: i }, random));
    }
  }
  return messages;
}

function message(
  m: { numberId: number; chatId: string; customerPhone: string | null; customerLid: string | null; fromMe: boolean; body: string; timestamp: number; name: string | null; serial: number },
  random: Random,
): Inbound {
  return {
    numberId: m.numberId,
    providerId: providerId(m.fromMe, m.chatId, 50_000_000 + m.serial, random),
    chatId: m.chatId,
    fromMe: m.fromMe,
    chatKind: 'user',
    customerPhone: m.customerPhone,
    customerLid: m.customerLid,
    profileName: m.fromMe ? null : m.name,
    body: m.body,
    type: 'chat',
    hasMedia: false,
    timestamp: m.timestamp,
  };
}
