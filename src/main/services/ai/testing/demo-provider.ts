import type Database from 'better-sqlite3';
import { demoBrain } from './demo-brain';
import { FakeProvider } from './fake-provider';

/** The model name demo mode's provider answers as; a provider row with it is the demo's to re-point. */
export const demoModel = 'meras-demo';

/**
 * Demo mode's AI provider: the scripted OpenAI-compatible server on a free local port, answering
 * with the demo brain. The office's provider is pointed at it at every start (its port changes)
 * unless an admin chose another model.
 */
export async function startDemoProvider(): Promise<{ baseUrl: string; pointAt(sqlite: Database.Database, now: number): void; close(): Promise<void> }> {
  const fake = new FakeProvider(demoBrain);
  const baseUrl = await fake.start();
  return {
    baseUrl,
    pointAt(sqlite, now) {
      sqlite
        .prepare(
          `insert into ai_provider (id, base_url, model, timeout_ms, max_tokens, may_quote_prices, state, updated_at) values (1, ?, ?, 20000, 400, 1, 'unknown', ?)
           on conflict (id) do update set base_url = excluded.base_url, state = 'unknown', last_error = null, last_error_at = null where model = ?`,
        )
        .run(baseUrl, demoModel, now, demoModel);
    },
    close: () => fake.close(),
  };
}
