import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { saveConfigInput, saveFaqInput, saveProviderInput } from '../../../../shared/ai/schemas';
import type { AiConfigView, AiFaqEntry, AiProviderView, AiToggleResult } from '../../../../shared/ai/types';
import type { ActivityLog } from '../../activity/activity-log';
import type { FaqStore } from '../faq/faq-store';
import type { ProviderStore } from '../provider/provider-store';
import type { AiConfigStore } from './ai-config-store';

export interface SettingChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** The fields that differ, `from` → `to`; times and ids are not settings. */
export function settingChanges<T extends object>(before: T, after: T, skip: readonly string[]): SettingChange[] {
  const was = before as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  return Object.keys(now)
    .filter((field) => !skip.includes(field) && JSON.stringify(was[field]) !== JSON.stringify(now[field]))
    .map((field) => ({ field, from: was[field], to: now[field] }));
}

const configSkip = ['id', 'createdAt', 'updatedAt', 'whatsappNumberId'];
// The key is never logged, only that it was set, replaced or cleared; spend and state are not settings.
const providerSkip = ['hasKey', 'spentToday', 'state', 'lastError', 'lastErrorAt', 'updatedAt'];

/**
 * Every change to the AI's settings — a number's config or switch, the office's provider, the
 * FAQ — is in the activity log with who made it and what it was and became (as Settings → Office
 * logs its own), written in the change's transaction. Nothing is logged when nothing changed.
 */
export class AiSettingsAudit {
  constructor(private readonly deps: { sqlite: Database.Database; activity: ActivityLog; configs: AiConfigStore; provider: ProviderStore; faq: FaqStore }) {}

  saveConfig(userId: number, input: z.output<typeof saveConfigInput>): AiConfigView {
    return this.deps.sqlite.transaction(() => {
      const before = this.deps.configs.get(input.numberId);
      const saved = this.deps.configs.save(input);
      this.configChanged(userId, input.numberId, before, saved);
      return saved;
    })();
  }

  toggleConfig(userId: number, numberId: number): AiToggleResult {
    return this.deps.sqlite.transaction(() => {
      const before = this.deps.configs.get(numberId);
      const result = this.deps.configs.toggle(numberId);
      this.configChanged(userId, numberId, before, this.deps.configs.current(numberId));
      return result;
    })();
  }

  saveProvider(userId: number, input: z.output<typeof saveProviderInput>): AiProviderView {
    return this.deps.sqlite.transaction(() => {
      const before = this.deps.provider.view();
      const saved = this.deps.provider.save(input);
      const changes = settingChanges(before, saved, providerSkip);
      if (input.apiKey !== undefined && (before.hasKey || saved.hasKey)) changes.push({ field: 'apiKey', from: before.hasKey ? 'saved' : 'none', to: saved.hasKey ? (before.hasKey ? 'replaced' : 'saved') : 'none' });
      if (changes.length > 0) this.deps.activity.record({ userId, action: 'ai.provider_updated', details: { changes } });
      return saved;
    })();
  }

  saveFaq(userId: number, input: z.output<typeof saveFaqInput>): AiFaqEntry {
    return this.deps.sqlite.transaction(() => {
      const saved = this.deps.faq.save(userId, input);
      this.deps.activity.record({ userId, action: 'ai.faq_saved', details: { faqId: saved.id, question: saved.question.slice(0, 200), language: saved.language, created: input.id === undefined } });
      return saved;
    })();
  }

  deleteFaq(userId: number, id: number): { id: number } {
    return this.deps.sqlite.transaction(() => {
      const entry = this.deps.faq.get(id);
      const done = this.deps.faq.delete(id);
      this.deps.activity.record({ userId, action: 'ai.faq_deleted', details: { faqId: id, question: entry?.question.slice(0, 200) ?? '' } });
      return done;
    })();
  }

  private configChanged(userId: number, numberId: number, before: AiConfigView, after: AiConfigView): void {
    const changes = settingChanges(before, after, configSkip);
    if (changes.length > 0) this.deps.activity.record({ userId, action: 'ai.config_updated', entityType: 'whatsapp_number', entityId: numberId, details: { changes } });
  }
}
