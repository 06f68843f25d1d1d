import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { saveConfigInput } from '../../../../shared/ai/schemas';
import { aiScenarios, type AiConfigView, type AiHoursMode, type AiLanguage, type AiScenarios, type AiTone, type AiToggleResult } from '../../../../shared/ai/types';
import { toIso, type Clock } from '../../../base/clock';
import type { EventBus } from '../../../events/event-bus';
import { AppError } from '../../../rpc/app-error';
import { managersAudience } from '../ai-audience';

interface ConfigRow {
  id: number;
  whatsapp_number_id: number;
  enabled: number;
  business_hours_only: number;
  business_hours_start: string | null;
  business_hours_end: string | null;
  timezone: string;
  scenarios: string;
  tone: string;
  language: string;
  custom_instructions: string | null;
  fallback_to_human: number;
  fallback_delay: number;
  hours_mode: string;
  out_of_hours_message: string | null;
  enabled_from_message_id: number;
  created_at: number;
  updated_at: number;
}

/** Seed 003's defaults: off, every scenario off, friendly, Arabic, a person after 5 minutes. */
export function defaultConfig(numberId: number): AiConfigView {
  return {
    id: null,
    whatsappNumberId: numberId,
    enabled: false,
    businessHoursOnly: false,
    businessHours: { start: null, end: null, timezone: 'Asia/Riyadh' },
    scenarios: { initialGreeting: false, faqResponses: false, propertyInquiryResponse: false, appointmentBooking: false, generalQuestions: false },
    tone: 'friendly',
    language: 'ar',
    customInstructions: null,
    fallbackToHuman: true,
    fallbackDelay: 5,
    hoursMode: 'always',
    outOfHoursMessage: null,
    createdAt: null,
    updatedAt: null,
  };
}

function scenariosOf(json: string): AiScenarios {
  const parsed = JSON.parse(json) as Partial<Record<string, unknown>>;
  return Object.fromEntries(aiScenarios.map((key) => [key, parsed[key] === true])) as unknown as AiScenarios;
}

function toView(row: ConfigRow): AiConfigView {
  return {
    id: row.id,
    whatsappNumberId: row.whatsapp_number_id,
    enabled: row.enabled === 1,
    businessHoursOnly: row.business_hours_only === 1,
    businessHours: { start: row.business_hours_start, end: row.business_hours_end, timezone: row.timezone },
    scenarios: scenariosOf(row.scenarios),
    tone: row.tone as AiTone,
    language: row.language as AiLanguage,
    customInstructions: row.custom_instructions,
    fallbackToHuman: row.fallback_to_human === 1,
    fallbackDelay: row.fallback_delay,
    hoursMode: row.hours_mode as AiHoursMode,
    outOfHoursMessage: row.out_of_hours_message,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** Seed 003's `ai_responder_configs`: one per number, the seed's defaults until saved. */
export class AiConfigStore {
  private readonly q;

  constructor(private readonly deps: { sqlite: Database.Database; clock: Clock; bus: EventBus }) {
    const { sqlite } = deps;
    this.q = {
      byNumber: sqlite.prepare<[number], ConfigRow>('select * from ai_responder_configs where whatsapp_number_id = ?'),
      number: sqlite.prepare<[number], { id: number }>('select id from whatsapp_numbers where id = ? and removed_at is null'),
      upsert: sqlite.prepare(
        `insert into ai_responder_configs (whatsapp_number_id, enabled, business_hours_only, business_hours_start, business_hours_end, timezone, scenarios, tone, language,
           custom_instructions, fallback_to_human, fallback_delay, hours_mode, out_of_hours_message, enabled_from_message_id, created_at, updated_at)
         values (@numberId, @enabled, @businessHoursOnly, @start, @end, @timezone, @scenarios, @tone, @language, @customInstructions, @fallbackToHuman, @fallbackDelay,
           @hoursMode, @outOfHoursMessage, @enabledFrom, @now, @now)
         on conflict (whatsapp_number_id) do update set enabled = excluded.enabled, business_hours_only = excluded.business_hours_only,
           business_hours_start = excluded.business_hours_start, business_hours_end = excluded.business_hours_end, timezone = excluded.timezone,
           scenarios = excluded.scenarios, tone = excluded.tone, language = excluded.language, custom_instructions = excluded.custom_instructions,
           fallback_to_human = excluded.fallback_to_human, fallback_delay = excluded.fallback_delay, hours_mode = excluded.hours_mode,
           out_of_hours_message = excluded.out_of_hours_message, enabled_from_message_id = excluded.enabled_from_message_id, updated_at = excluded.updated_at`,
      ),
      enabledFrom: sqlite.prepare<[number], { id: number }>('select enabled_from_message_id as id from ai_responder_configs where whatsapp_number_id = ?'),
      newestMessage: sqlite.prepare<[], { id: number | null }>('select max(id) as id from messages'),
      // Switched on: every conversation of the number not held by a person starts afresh.
      freshEpisodes: sqlite.prepare<[number]>('delete from ai_conversation_state where whatsapp_number_id = ? and paused = 0'),
    };
  }

  /** The number's config (the seed's defaults when none is saved); NOT_FOUND for an unknown or removed number. */
  get(numberId: number): AiConfigView {
    this.requireNumber(numberId);
    return this.current(numberId);
  }

  /** Without the number check: the engine's read. */
  current(numberId: number): AiConfigView {
    const row = this.q.byNumber.get(numberId);
    return row ? toView(row) : defaultConfig(numberId);
  }

  /**
   * Only customer messages with a larger id are answered: the newest message when the number's
   * AI was last switched on. Customers already waiting then are the team's (they may have been
   * waiting on a person for hours); the AI takes whoever writes next.
   */
  enabledFrom(numberId: number): number {
    return this.q.enabledFrom.get(numberId)?.id ?? 0;
  }

  save(input: z.output<typeof saveConfigInput>): AiConfigView {
    this.requireNumber(input.numberId);
    const saved = this.deps.sqlite.transaction(() => this.saveNow(input))();
    this.announce(saved);
    return saved;
  }

  private saveNow(input: z.output<typeof saveConfigInput>): AiConfigView {
    const before = this.current(input.numberId);
    const switchedOn = input.enabled === true && !before.enabled;
    if (switchedOn) this.q.freshEpisodes.run(input.numberId);
    // The seed's switch and the mode say the same thing; the mode wins when both are given.
    const hoursMode: AiHoursMode = input.hoursMode ?? (input.businessHoursOnly === undefined ? before.hoursMode : input.businessHoursOnly ? 'inside' : before.hoursMode === 'inside' ? 'always' : before.hoursMode);
    const hours = input.businessHours ?? before.businessHours;
    const next = {
      numberId: input.numberId,
      enabled: Number(input.enabled ?? before.enabled),
      businessHoursOnly: Number(hoursMode === 'inside'),
      start: hours.start,
      end: hours.end,
      timezone: hours.timezone,
      scenarios: JSON.stringify({ ...before.scenarios, ...input.scenarios }),
      tone: input.tone ?? before.tone,
      language: input.language ?? before.language,
      customInstructions: input.customInstructions === undefined ? before.customInstructions : input.customInstructions || null,
      fallbackToHuman: Number(input.fallbackToHuman ?? before.fallbackToHuman),
      fallbackDelay: input.fallbackDelay ?? before.fallbackDelay,
      hoursMode,
      outOfHoursMessage: input.outOfHoursMessage === undefined ? before.outOfHoursMessage : input.outOfHoursMessage || null,
      enabledFrom: switchedOn ? (this.q.newestMessage.get()?.id ?? 0) : this.enabledFrom(input.numberId),
      now: this.deps.clock.now(),
    };
    this.q.upsert.run(next);
    return this.current(input.numberId);
  }

  toggle(numberId: number): AiToggleResult {
    const before = this.get(numberId);
    const saved = this.save({ numberId, enabled: !before.enabled });
    return { whatsappNumberId: numberId, enabled: saved.enabled, updatedAt: saved.updatedAt! };
  }

  private requireNumber(numberId: number): void {
    if (!this.q.number.get(numberId)) throw new AppError('NOT_FOUND', `WhatsApp number with ID '${numberId}' not found`);
  }

  private announce(config: AiConfigView): void {
    this.deps.bus.publish('ai.config.changed', { numberId: config.whatsappNumberId, enabled: config.enabled }, managersAudience(this.deps.sqlite));
  }
}
