import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { saveFaqInput } from '../../../../shared/ai/schemas';
import type { AiFaqEntry, AiReplyLanguage } from '../../../../shared/ai/types';
import { normalizeSearchText } from '../../../../shared/search-text';
import { toIso, type Clock } from '../../../base/clock';
import { AppError } from '../../../rpc/app-error';

interface FaqRow {
  id: number;
  question: string;
  answer: string;
  language: string;
  search_text: string;
  updated_at: number;
}

const toEntry = (row: FaqRow): AiFaqEntry => ({ id: row.id, question: row.question, answer: row.answer, language: row.language as AiReplyLanguage, updatedAt: toIso(row.updated_at) });

/** The office's FAQ: what the AI may answer from, besides the catalogue. */
export class FaqStore {
  private readonly q;
  /** Bumped on every change: the retrieval index rebuilds its FAQ part when it moves. */
  version = 0;

  constructor(private readonly deps: { sqlite: Database.Database; clock: Clock }) {
    const { sqlite } = deps;
    this.q = {
      all: sqlite.prepare<[], FaqRow>('select * from ai_faq order by id'),
      byLanguage: sqlite.prepare<[string], FaqRow>('select * from ai_faq where language = ? order by id'),
      byId: sqlite.prepare<[number], FaqRow>('select * from ai_faq where id = ?'),
      insert: sqlite.prepare<[string, string, string, string, number | null, number, number]>(
        'insert into ai_faq (question, answer, language, search_text, created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)',
      ),
      update: sqlite.prepare<[string, string, string, string, number, number]>('update ai_faq set question = ?, answer = ?, language = ?, search_text = ?, updated_at = ? where id = ?'),
      remove: sqlite.prepare<[number]>('delete from ai_faq where id = ?'),
    };
  }

  list(language?: AiReplyLanguage): AiFaqEntry[] {
    return (language ? this.q.byLanguage.all(language) : this.q.all.all()).map(toEntry);
  }

  rows(): FaqRow[] {
    return this.q.all.all();
  }

  save(userId: number, input: z.output<typeof saveFaqInput>): AiFaqEntry {
    const now = this.deps.clock.now();
    const text = normalizeSearchText(`${input.question}\n${input.answer}`);
    let id = input.id;
    if (id === undefined) {
      id = Number(this.q.insert.run(input.question, input.answer, input.language, text, userId, now, now).lastInsertRowid);
    } else if (this.q.update.run(input.question, input.answer, input.language, text, now, id).changes === 0) {
      throw new AppError('NOT_FOUND', `FAQ entry with ID '${id}' not found`);
    }
    this.version++;
    return toEntry(this.q.byId.get(id)!);
  }

  get(id: number): AiFaqEntry | null {
    const row = this.q.byId.get(id);
    return row ? toEntry(row) : null;
  }

  delete(id: number): { id: number } {
    if (this.q.remove.run(id).changes === 0) throw new AppError('NOT_FOUND', `FAQ entry with ID '${id}' not found`);
    this.version++;
    return { id };
  }
}
