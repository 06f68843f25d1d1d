import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { saveProviderInput } from '../../../../shared/ai/schemas';
import type { AiProviderErrorCode, AiProviderView } from '../../../../shared/ai/types';
import { toIso, type Clock } from '../../../base/clock';
import type { OfficeCalendar } from '../../../calendar/office-calendar';
import type { EventBus } from '../../../events/event-bus';
import { managersAudience } from '../ai-audience';
import type { SecretBox } from '../../../base/secret-box';

interface ProviderRow {
  base_url: string;
  model: string;
  api_key_encrypted: string | null;
  timeout_ms: number;
  max_tokens: number;
  daily_budget: number;
  prompt_price_per_million: number;
  completion_price_per_million: number;
  may_quote_prices: number;
  state: string;
  last_error: string | null;
  last_error_at: number | null;
  updated_at: number;
}

/** What a call needs: the settings with the key opened. Never leaves the core. */
export interface ProviderSettings {
  baseUrl: string;
  model: string;
  apiKey: string | null;
  timeoutMs: number;
  maxTokens: number;
  dailyBudget: number;
  promptPricePerMillion: number;
  completionPricePerMillion: number;
  mayQuotePrices: boolean;
}

/**
 * The office's one provider row. The key goes in sealed and comes out only to the client; the
 * state is `unknown` until a call or a test of these settings answers, turns `failing` at the
 * first failure of an outage (the caller then notifies, once) and `ok` at the next success.
 */
/** The same provider as before the save: its address, model and key unchanged (its state still holds). */
const reached = `base_url = excluded.base_url and model = excluded.model and api_key_encrypted is excluded.api_key_encrypted`;

export class ProviderStore {
  private readonly q;

  constructor(private readonly deps: { sqlite: Database.Database; clock: Clock; bus: EventBus; secrets: SecretBox; calendar: () => OfficeCalendar }) {
    const { sqlite } = deps;
    this.q = {
      row: sqlite.prepare<[], ProviderRow>('select * from ai_provider where id = 1'),
      upsert: sqlite.prepare(
        `insert into ai_provider (id, base_url, model, api_key_encrypted, timeout_ms, max_tokens, daily_budget, prompt_price_per_million, completion_price_per_million, may_quote_prices, state, updated_at)
         values (1, @baseUrl, @model, @key, @timeoutMs, @maxTokens, @dailyBudget, @promptPricePerMillion, @completionPricePerMillion, @mayQuotePrices, 'unknown', @now)
         on conflict (id) do update set base_url = excluded.base_url, model = excluded.model, api_key_encrypted = excluded.api_key_encrypted,
           timeout_ms = excluded.timeout_ms, max_tokens = excluded.max_tokens, daily_budget = excluded.daily_budget,
           prompt_price_per_million = excluded.prompt_price_per_million, completion_price_per_million = excluded.completion_price_per_million,
           may_quote_prices = excluded.may_quote_prices, updated_at = excluded.updated_at,
           state = case when ${reached} then state else 'unknown' end,
           last_error = case when ${reached} then last_error else null end,
           last_error_at = case when ${reached} then last_error_at else null end`,
      ),
      failing: sqlite.prepare<[string, number, number]>("update ai_provider set state = 'failing', last_error = ?, last_error_at = ?, updated_at = ? where id = 1"),
      ok: sqlite.prepare<[number]>("update ai_provider set state = 'ok', last_error = null, last_error_at = null, updated_at = ? where id = 1 and state <> 'ok'"),
      spent: sqlite.prepare<[number, number], { spent: number | null }>('select sum(cost_millihalalas) as spent from ai_response_logs where created_at >= ? and created_at < ?'),
    };
  }

  view(): AiProviderView {
    const row = this.q.row.get();
    const spentToday = this.spentToday();
    if (!row) {
      return {
        baseUrl: '',
        model: '',
        hasKey: false,
        timeoutMs: 20_000,
        maxTokens: 400,
        dailyBudget: 0,
        promptPricePerMillion: 0,
        completionPricePerMillion: 0,
        spentToday,
        mayQuotePrices: false,
        state: 'unconfigured',
        lastError: null,
        lastErrorAt: null,
        updatedAt: null,
      };
    }
    return {
      baseUrl: row.base_url,
      model: row.model,
      hasKey: row.api_key_encrypted !== null,
      timeoutMs: row.timeout_ms,
      maxTokens: row.max_tokens,
      dailyBudget: row.daily_budget,
      promptPricePerMillion: row.prompt_price_per_million,
      completionPricePerMillion: row.completion_price_per_million,
      spentToday,
      mayQuotePrices: row.may_quote_prices === 1,
      state: row.state === 'failing' ? 'failing' : row.state === 'ok' ? 'ok' : 'unknown',
      lastError: row.last_error as AiProviderErrorCode | null,
      lastErrorAt: toIso(row.last_error_at),
      updatedAt: toIso(row.updated_at),
    };
  }

  /** The settings with the key opened; null while none is saved. */
  settings(): ProviderSettings | null {
    const row = this.q.row.get();
    if (!row) return null;
    return {
      baseUrl: row.base_url,
      model: row.model,
      apiKey: row.api_key_encrypted === null ? null : this.deps.secrets.open(row.api_key_encrypted),
      timeoutMs: row.timeout_ms,
      maxTokens: row.max_tokens,
      dailyBudget: row.daily_budget,
      promptPricePerMillion: row.prompt_price_per_million,
      completionPricePerMillion: row.completion_price_per_million,
      mayQuotePrices: row.may_quote_prices === 1,
    };
  }

  save(input: z.output<typeof saveProviderInput>): AiProviderView {
    const before = this.q.row.get();
    const kept = before?.api_key_encrypted ?? null;
    // The same key typed again keeps its sealed form: the provider is the one already checked.
    const sameKey = kept !== null && input.apiKey !== undefined && input.apiKey !== null && this.deps.secrets.open(kept) === input.apiKey;
    const key = input.apiKey === undefined || sameKey ? kept : input.apiKey ? this.deps.secrets.seal(input.apiKey) : null;
    this.q.upsert.run({
      baseUrl: input.baseUrl.replace(/\/+$/, ''),
      model: input.model,
      key,
      timeoutMs: input.timeoutMs,
      maxTokens: input.maxTokens,
      dailyBudget: input.dailyBudget,
      promptPricePerMillion: input.promptPricePerMillion,
      completionPricePerMillion: input.completionPricePerMillion,
      mayQuotePrices: Number(input.mayQuotePrices),
      now: this.deps.clock.now(),
    });
    const view = this.view();
    this.announce(view);
    return view;
  }

  /** Records a failure; true when it starts an outage (the provider was not failing already). */
  failed(code: AiProviderErrorCode): boolean {
    const before = this.q.row.get();
    if (!before) return false;
    const now = this.deps.clock.now();
    this.q.failing.run(code, now, now);
    const started = before.state !== 'failing';
    if (started) this.announce(this.view());
    return started;
  }

  succeeded(): void {
    if (this.q.ok.run(this.deps.clock.now()).changes > 0) this.announce(this.view());
  }

  /** Halalas spent in the office's current day (costs are logged in thousandths). */
  spentToday(): number {
    const calendar = this.deps.calendar();
    const now = this.deps.clock.now();
    const start = calendar.dayStart(calendar.officeDay(now));
    const milli = this.q.spent.get(start, calendar.nextDayStart(now))?.spent ?? 0;
    return Math.ceil(milli / 1000);
  }

  private announce(view: AiProviderView): void {
    this.deps.bus.publish('ai.provider.changed', { state: view.state }, managersAudience(this.deps.sqlite));
  }
}
