import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commissionLine, invoicesOffice, type InvoicesOffice } from '../../testing/invoices-office';

let o: InvoicesOffice;
beforeAll(async () => {
  o = await invoicesOffice();
}, 60_000);
afterAll(() => o.t.close());

describe('numbers under load', () => {
  it('200 issues sent at once from two clients (a supervisor and an admin) get 200 gap-free numbers in one hash chain; refusals among them take none', async () => {
    const original = await o.t.call('invoices.issue', { id: (await o.t.call('invoices.createDraft', { contactId: o.khalidContact, lines: [commissionLine('100')] }, o.agent.token)).id }, o.admin.token);
    const drafts: number[] = [];
    for (let i = 0; i < 200; i++) {
      const d = await o.t.call('invoices.createDraft', { contactId: i % 2 ? o.khalidContact : o.saraContact, lines: [commissionLine(`${i + 1},000`)] }, o.agent.token);
      drafts.push(d.id);
    }
    // Credit notes larger than the invoice: refused at issue, in the middle of the stream.
    const refused: number[] = [];
    for (let i = 0; i < 5; i++) {
      refused.push((await o.t.call('invoices.createNote', { originalId: original.id, kind: 'credit_note', reason: 'إلغاء', lines: [commissionLine('1,000')] }, o.agent.token)).id);
    }
    const calls = [...drafts.map((id, i) => ({ id, i })), ...refused.map((id, i) => ({ id, i: i * 41 }))].map(({ id, i }) =>
      o.t.core.router.call('invoices.issue', { id }, i % 2 ? { clientKey: 'supervisor-tab', token: o.supervisor.token } : { clientKey: 'admin-window', token: o.admin.token }),
    );
    const results = await Promise.all(calls);
    const landed = results.filter((r) => r.result.success);
    expect(landed).toHaveLength(200);
    expect(results.filter((r) => !r.result.success).map((r) => !r.result.success && r.result.error.code)).toEqual(Array(5).fill('UNPROCESSABLE_ENTITY'));

    const rows = o.t.core.database.sqlite
      .prepare<[], { counter_value: number; previous_hash: string; hash: string; canonical: string }>("select counter_value, previous_hash, hash, canonical from invoice_documents where status = 'issued' order by counter_value")
      .all();
    expect(rows.map((r) => r.counter_value)).toEqual(Array.from({ length: 201 }, (_, i) => original.number! + i));
    rows.forEach((row, i) => {
      expect(createHash('sha256').update(row.canonical).digest('base64')).toBe(row.hash);
      if (i > 0) expect(row.previous_hash).toBe(rows[i - 1]!.hash);
    });
    expect(o.t.core.database.sqlite.prepare('select value from invoice_counter').get()).toEqual({ value: original.number! + 200 });
    // Each draft was issued once: no number was given twice, no draft skipped.
    expect(new Set(rows.map((r) => JSON.parse(r.canonical).uuid)).size).toBe(201);
  }, 120_000);
});
