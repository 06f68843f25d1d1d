import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { silentLogger } from '../src/main/base/logger';
import { createCore } from '../src/main/core/create-core';
import { databaseFileName } from '../src/main/db/open-database';
import { buildPrompt } from '../src/main/services/ai/engine/prompt';
import { FakeProvider } from '../src/main/services/ai/testing/fake-provider';
import { normalizeSearchText } from '../src/shared/search-text';
import { aiScenarios } from '../src/shared/ai/types';
import { intBelow, pick, seededRandom } from './fake-data';
import { benchAdmin, benchPassword } from './generate';
import { describe, distribution, heading, line, target, thousands } from './report';

const propertiesWanted = 10_000;
const faqWanted = 1_000;
const logRows = 1_000_000;
const messagesTimed = 200;
/** The burst run: 200 messages in 50 conversations, four each, with a provider taking 2 s. */
const burstConversations = 50;
const burstMessagesEach = 4;
const slowProviderMs = 2_000;
const questionsTimed = 500;
const day = 86_400_000;

const districts = ['النرجس', 'الملقا', 'حطين', 'القيروان', 'العليا', 'الياسمين', 'الصحافة', 'الربيع', 'العارض', 'النخيل', 'الورود', 'المروج', 'الغدير', 'السليمانية', 'الرحمانية'];
const types = [
  ['apartment', 'شقة'],
  ['villa', 'فيلا'],
  ['land', 'أرض'],
  ['office', 'مكتب'],
  ['shop', 'محل'],
] as const;
const questionShapes = [
  (d: string, t: string) => `كم سعر ${t} في ${d}؟`,
  (d: string, t: string) => `عندكم ${t} للإيجار في حي ${d}`,
  (d: string, t: string) => `ابغى ${t} ٤ غرف بالـ${d}`,
  (d: string) => `Do you have an apartment in ${d}?`,
  () => 'متى ساعات العمل عندكم؟',
  () => 'هل تأخذون عمولة؟',
];

/**
 * Issue 16's benchmark on a copy of the 100k/1M database grown to 10,000 properties, 1,000 FAQ
 * entries and 1,000,000 decision log rows over 30 days, with a scripted provider answering at
 * once (local HTTP): retrieval per question, the prompt's size, the responder's own work per
 * message (a due wait to its committed reply), the 30-day stats through the router, and 200
 * messages in 50 conversations against a provider taking 2 s (each burst once, ≤ 4 in flight).
 */
export async function benchAi(baseDir: string, runDir: string, migrationsDir: string): Promise<void> {
  heading(`AI responder (${thousands(propertiesWanted)} properties, ${thousands(faqWanted)} FAQ, ${thousands(logRows)} log rows)`);
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.mkdirSync(runDir, { recursive: true });
  fs.copyFileSync(path.join(baseDir, databaseFileName), path.join(runDir, databaseFileName));
  const fake = new FakeProvider(() => ({ content: { decision: 'reply', reply: 'أهلاً بك! سيتواصل معك أحد زملائي بالتفاصيل.', language: 'ar', scenario: 'generalQuestions', confidence: 0.9, usedRecordIds: [] }, promptTokens: 1_200, completionTokens: 40 }));
  const baseUrl = await fake.start();
  const core = createCore({ dataDir: runDir, migrationsDir, logger: silentLogger });
  core.searchIndex.stop();
  try {
    const sqlite = core.database.sqlite;
    const seeded = performance.now();
    seedCatalogue(sqlite, Date.now());
    line('seeded', `properties, FAQ and log rows in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
    const signedIn = (await core.router.call('auth.signIn', { email: benchAdmin.email, password: benchPassword }, { clientKey: 'bench' })).result;
    if (!signedIn.success) throw new Error(`sign-in failed: ${JSON.stringify(signedIn.error)}`);
    const { token } = signedIn.data as { token: string };
    const meta = { token, clientKey: 'bench' };
    const numberId = (sqlite.prepare('select whatsapp_number_id as id from conversations group by whatsapp_number_id order by count(*) desc limit 1').get() as { id: number }).id;
    await core.router.call('ai.saveProvider', { baseUrl, model: 'bench-model', timeoutMs: 10_000, mayQuotePrices: true }, meta);
    await core.router.call('ai.saveConfig', { numberId, enabled: true, language: 'both', fallbackToHuman: false, scenarios: Object.fromEntries(aiScenarios.map((s) => [s, true])) }, meta);
    const { ai } = core.services;
    const random = seededRandom(16);
    const questions = Array.from({ length: questionsTimed }, () => {
      const [, typeAr] = pick(random, types);
      return pick(random, questionShapes)(pick(random, districts), typeAr);
    });

    // 1. Retrieval: the records a question finds (the index is built once, before timing).
    ai.responder.records(questions[0]!, []);
    const retrieval: number[] = [];
    let tokensMax = 0;
    const config = ai.configs.current(numberId);
    for (const question of questions) {
      const started = performance.now();
      const records = ai.responder.records(question, []);
      retrieval.push(performance.now() - started);
      const prompt = buildPrompt({ config, replyLanguage: 'ar', mayQuotePrices: true, records, turns: [{ from: 'customer', text: question }] });
      tokensMax = Math.max(tokensMax, prompt.tokens);
    }
    const r = distribution(retrieval);
    target('retrieval per question', describe(r), r.median < 5, 'median < 5 ms');
    target('prompt tokens (estimated, the largest)', thousands(tokensMax), tokensMax < 3_000, '< 3,000');

    // 2. The responder's own work per message: a due wait → decision → reply committed (provider at once, local HTTP).
    const conversations = sqlite
      .prepare("select c.id, ct.phone from conversations c join contacts ct on ct.id = c.contact_id where c.whatsapp_number_id = ? and c.wa_chat_id like '%@c.us' and ct.phone is not null limit ?")
      .all(numberId, messagesTimed) as { id: number; phone: string }[];
    const perMessage: number[] = [];
    for (const [i, c] of conversations.entries()) {
      const stored = core.whatsapp.ingest.ingest(numberId, {
        providerId: `bench-ai-${i}`,
        chatId: `${c.phone.replace('+', '')}@c.us`,
        fromMe: false,
        chatKind: 'user',
        customerPhone: c.phone.replace('+', ''),
        customerLid: null,
        profileName: null,
        body: questions[i % questions.length]!,
        type: 'chat',
        hasMedia: false,
        timestamp: Date.now(),
      });
      if (stored.kind !== 'stored') continue;
      core.whatsapp.pipeline.publishNew(sqlite.prepare('select * from messages where id = ?').get(stored.messageId) as never);
      await ai.runner.settled();
      sqlite.prepare('update ai_conversation_state set due_at = 0 where conversation_id = ?').run(stored.conversationId);
      const started = performance.now();
      ai.runner.schedule();
      await ai.runner.settled();
      perMessage.push(performance.now() - started);
    }
    const replied = (sqlite.prepare("select count(*) as n from ai_response_logs where outcome = 'replied' and created_at > ?").get(Date.now() - day) as { n: number }).n;
    line('messages answered', `${thousands(perMessage.length)} (${thousands(replied)} replies logged in the last day)`);
    const m = distribution(perMessage);
    target('responder per message (wait due → reply committed)', describe(m), m.median < 15 && m.p95 < 40, 'median < 15 ms, p95 < 40 ms');

    // 3. Stats over 30 days of a million decisions, through the router.
    for (const [label, input] of [
      ['30 days, every number', { period: '30d' }],
      ['30 days, one number', { period: '30d', numberId }],
      ['24 hours, every number', { period: '24h' }],
    ] as const) {
      const times: number[] = [];
      for (let i = 0; i < 25; i++) {
        const started = performance.now();
        const { result } = await core.router.call('ai.stats', input, meta);
        if (!result.success) throw new Error(`ai.stats failed: ${JSON.stringify(result.error)}`);
        if (i >= 5) times.push(performance.now() - started);
      }
      const d = distribution(times);
      if (label === '30 days, every number') target(`stats, ${label}, router`, describe(d), d.median < 50, 'median < 50 ms');
      else line(`stats, ${label}, router`, describe(d));
    }

    // 4. Bursts against a slow provider, on the real clock: each conversation's four quick
    // messages answered once, after the quiet time, with at most four calls in flight.
    const burstTargets = sqlite
      .prepare("select c.id, ct.phone from conversations c join contacts ct on ct.id = c.contact_id where c.whatsapp_number_id = ? and c.wa_chat_id like '%@c.us' and ct.phone is not null order by c.id desc limit ?")
      .all(numberId, burstConversations) as { id: number; phone: string }[];
    fake.answerWith(() => ({
      content: { decision: 'reply', reply: 'أهلاً بك! سيتواصل معك أحد زملائي بالتفاصيل.', language: 'ar', scenario: 'generalQuestions', confidence: 0.9, usedRecordIds: [] },
      gate: new Promise<void>((resolve) => setTimeout(resolve, slowProviderMs)),
    }));
    fake.maxInFlight = 0;
    const callsBefore = fake.requests.length;
    const burstStart = Date.now();
    const burstIds: number[] = [];
    for (let round = 0; round < burstMessagesEach; round++) {
      for (const [i, c] of burstTargets.entries()) {
        const stored = core.whatsapp.ingest.ingest(numberId, {
          providerId: `bench-ai-burst-${round}-${i}`,
          chatId: `${c.phone.replace('+', '')}@c.us`,
          fromMe: false,
          chatKind: 'user',
          customerPhone: c.phone.replace('+', ''),
          customerLid: null,
          profileName: null,
          body: questions[(round * burstConversations + i) % questions.length]!,
          type: 'chat',
          hasMedia: false,
          timestamp: Date.now(),
        });
        if (stored.kind !== 'stored') continue;
        if (round === 0) burstIds.push(stored.conversationId);
        core.whatsapp.pipeline.publishNew(sqlite.prepare('select * from messages where id = ?').get(stored.messageId) as never);
      }
      await ai.runner.settled();
    }
    // A decision answers the burst: a reply, or a hand-off (a mixed-language burst may fail the language check).
    const repliesOf = sqlite.prepare<[number, number], { n: number }>("select count(*) as n from ai_response_logs where conversation_id = ? and outcome in ('replied', 'handed_off') and created_at >= ?");
    const answeredAll = () => burstIds.every((id) => repliesOf.get(id, burstStart)!.n > 0);
    // The quiet time runs on the real clock; give up after two minutes rather than hang.
    const giveUpAt = Date.now() + 120_000;
    while (!answeredAll() && Date.now() < giveUpAt) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      await ai.runner.settled();
    }
    const replies = burstIds.map((id) => repliesOf.get(id, burstStart)!.n);
    const calls = fake.requests.length - callsBefore;
    line('bursts', `${thousands(burstIds.length * burstMessagesEach)} messages in ${thousands(burstIds.length)} conversations, provider ${slowProviderMs / 1000} s: ${thousands(calls)} calls, all answered in ${((Date.now() - burstStart) / 1000).toFixed(1)} s`);
    target('bursts answered once each', `${replies.filter((n) => n === 1).length} of ${burstIds.length}`, replies.every((n) => n === 1) && calls <= burstIds.length, 'one decision each, ≤ 1 call each');
    target('provider calls in flight (most)', String(fake.maxInFlight), fake.maxInFlight <= 4, '≤ 4');
  } finally {
    await core.close();
    await fake.close();
  }
}

/** Grows the catalogue to 10,000 properties and 1,000 FAQ entries, and writes 1,000,000 log rows with their rollup, in one transaction. */
function seedCatalogue(sqlite: Database.Database, now: number): void {
  const random = seededRandom(61);
  sqlite.transaction(() => {
    const have = (sqlite.prepare('select count(*) as n from properties').get() as { n: number }).n;
    const property = sqlite.prepare(
      "insert into properties (name, type, location, price, bedrooms, area, status, listing, city, district, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 'available', ?, 'الرياض', ?, ?, ?)",
    );
    for (let i = have; i < propertiesWanted; i++) {
      const [type, typeAr] = pick(random, types);
      const district = pick(random, districts);
      property.run(`${typeAr} ${i} – حي ${district}`, type, `${district}، الرياض`, (50 + intBelow(random, 5_000)) * 10_000_00, type === 'land' ? null : 1 + intBelow(random, 6), 80 + intBelow(random, 900), random() < 0.3 ? 'rent' : 'sale', district, now, now);
    }
    const faq = sqlite.prepare("insert into ai_faq (question, answer, language, search_text, created_at, updated_at) values (?, ?, 'ar', ?, ?, ?)");
    for (let i = (sqlite.prepare('select count(*) as n from ai_faq').get() as { n: number }).n; i < faqWanted; i++) {
      const question = `سؤال ${i}: ما هي شروط ${pick(random, ['الإيجار', 'الشراء', 'العمولة', 'المعاينة', 'الدفع'])} في ${pick(random, districts)}؟`;
      const answer = `الإجابة ${i}: نوضح لك التفاصيل عند التواصل مع الفريق.`;
      faq.run(question, answer, normalizeSearchText(`${question}\n${answer}`), now, now);
    }
    const logged = (sqlite.prepare('select count(*) as n from ai_response_logs').get() as { n: number }).n;
    if (logged >= logRows) return;
    const conversations = (sqlite.prepare('select id, whatsapp_number_id from conversations limit 50000').all() as { id: number; whatsapp_number_id: number }[]);
    const log = sqlite.prepare(
      `insert into ai_response_logs (whatsapp_number_id, conversation_id, scenario, response_time_ms, handed_off, language, outcome, reason, prompt_tokens, completion_tokens, cost_millihalalas, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, 1200, 40, 60, ?)`,
    );
    for (let i = logged; i < logRows; i++) {
      const c = conversations[intBelow(random, conversations.length)]!;
      const handedOff = random() < 0.1;
      log.run(c.whatsapp_number_id, c.id, pick(random, aiScenarios), 800 + intBelow(random, 4_000), handedOff ? 1 : 0, random() < 0.8 ? 'ar' : 'en', handedOff ? 'handed_off' : 'replied', handedOff ? 'model_decided' : null, now - intBelow(random, 30 * day));
    }
    // The rollup as the decisions would have written it.
    sqlite.exec('delete from ai_stats_quarters');
    sqlite.exec(`insert into ai_stats_quarters (whatsapp_number_id, quarter, replies, handoffs, reply_ms, initial_greeting, faq_responses, property_inquiry_response, appointment_booking, general_questions, lang_ar, lang_en)
      select whatsapp_number_id, created_at / 900000, sum(outcome = 'replied'), sum(handed_off), sum(case when outcome = 'replied' then response_time_ms else 0 end),
        sum(scenario = 'initialGreeting'), sum(scenario = 'faqResponses'), sum(scenario = 'propertyInquiryResponse'), sum(scenario = 'appointmentBooking'), sum(scenario = 'generalQuestions'),
        sum(language = 'ar'), sum(language = 'en')
      from ai_response_logs where outcome = 'replied' or handed_off = 1 group by 1, 2`);
  })();
}
