import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { sendCloudTemplateInput } from '../../../shared/cloud/schemas';
import type { CloudTemplateView, TemplateParameters, TemplateSyncResult } from '../../../shared/cloud/types';
import type { FieldError } from '../../../shared/errors';
import type { MessageView } from '../../../shared/inbox/types';
import { toIso, type Clock } from '../../base/clock';
import { toMessageView } from '../../ingest/records';
import type { Outbox } from '../../outbox/outbox';
import { AppError, fieldError } from '../../rpc/app-error';
import { cloudSecretsOf, readGraphSettings } from '../../whatsapp/cloud/cloud-store';
import { GraphClient, GraphError } from '../../whatsapp/cloud/graph-client';
import type { MessagePipeline } from '../../whatsapp/message-pipeline';
import type { Caller } from '../auth/auth-service';
import type { NumberAccess } from '../inbox/number-access';
import { filledText, templateParameters, type MetaComponent } from './template-parameters';

interface TemplateRow {
  id: number;
  waba_id: string;
  name: string;
  language: string;
  category: string | null;
  status: string;
  header_text: string | null;
  body_text: string;
  footer_text: string | null;
  parameters: string;
  synced_at: number;
}

interface MetaTemplate {
  id?: string;
  name?: string;
  language?: string;
  status?: string;
  category?: string;
  components?: MetaComponent[];
}

const view = (row: TemplateRow): CloudTemplateView => ({
  id: row.id,
  wabaId: row.waba_id,
  name: row.name,
  language: row.language,
  category: row.category,
  status: row.status,
  headerText: row.header_text,
  bodyText: row.body_text,
  footerText: row.footer_text,
  parameters: JSON.parse(row.parameters) as TemplateParameters,
  syncedAt: toIso(row.synced_at),
});

/** Issue 19: the WABA's templates (synced from Meta) and sending one, inside or outside the 24-hour window. */
export class CloudTemplates {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly access: NumberAccess,
    private readonly outbox: Outbox,
    private readonly pipeline: MessagePipeline,
    private readonly clock: Clock,
  ) {}

  private wabaOf(numberId: number): string {
    const waba = this.sqlite.prepare<[number], { waba_id: string }>('select waba_id from cloud_numbers where whatsapp_number_id = ?').get(numberId)?.waba_id;
    if (!waba) throw new AppError('NOT_FOUND', undefined, undefined, 'Not a Cloud API number');
    return waba;
  }

  list(caller: Caller, numberId: number, approvedOnly: boolean): CloudTemplateView[] {
    this.access.requireNumber(caller, numberId);
    const waba = this.wabaOf(numberId);
    return this.sqlite
      .prepare<[string, number], TemplateRow>("select * from cloud_templates where waba_id = ? and (? = 0 or status = 'APPROVED') order by name, language")
      .all(waba, approvedOnly ? 1 : 0)
      .map(view);
  }

  /** GET /{waba-id}/message_templates, every page; templates Meta no longer has are dropped. */
  async sync(numberId: number): Promise<TemplateSyncResult> {
    const secrets = cloudSecretsOf(this.sqlite, numberId);
    if (!secrets) throw new AppError('NOT_FOUND');
    const graph = new GraphClient({ settings: () => readGraphSettings(this.sqlite), token: () => secrets.accessToken ?? '' });
    const fetched: MetaTemplate[] = [];
    try {
      let after: string | undefined;
      for (let page = 0; page < 50; page++) {
        const answer = await graph.get<{ data?: MetaTemplate[]; paging?: { cursors?: { after?: string }; next?: string } }>(`${secrets.wabaId}/message_templates`, {
          fields: 'id,name,language,status,category,components',
          limit: '100',
          ...(after ? { after } : {}),
        });
        fetched.push(...(answer.data ?? []));
        after = answer.paging?.next ? answer.paging.cursors?.after : undefined;
        if (!after) break;
      }
    } catch (error) {
      if (error instanceof GraphError && error.kind === 'meta') throw new AppError('UNPROCESSABLE_ENTITY', error.code === 190 ? 'graph_token_invalid' : 'graph_refused', undefined, error.message);
      throw new AppError('SERVICE_UNAVAILABLE', 'graph_unreachable', undefined, error instanceof Error ? error.message : String(error));
    }
    const now = this.clock.now();
    this.sqlite.transaction(() => {
      const upsert = this.sqlite.prepare(
        `insert into cloud_templates (waba_id, meta_id, name, language, category, status, header_text, body_text, footer_text, components, parameters, synced_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         on conflict (waba_id, name, language) do update set meta_id = excluded.meta_id, category = excluded.category, status = excluded.status,
           header_text = excluded.header_text, body_text = excluded.body_text, footer_text = excluded.footer_text, components = excluded.components,
           parameters = excluded.parameters, synced_at = excluded.synced_at`,
      );
      for (const t of fetched) {
        if (!t.name || !t.language) continue;
        const components = t.components ?? [];
        const text = (type: string) => components.find((c) => c.type?.toUpperCase() === type)?.text ?? null;
        upsert.run(secrets.wabaId, t.id ?? null, t.name, t.language, t.category ?? null, t.status ?? 'UNKNOWN', text('HEADER'), text('BODY') ?? '', text('FOOTER'), JSON.stringify(components), JSON.stringify(templateParameters(components)), now);
      }
      this.sqlite.prepare('delete from cloud_templates where waba_id = ? and synced_at < ?').run(secrets.wabaId, now);
    })();
    return { wabaId: secrets.wabaId, count: fetched.length, syncedAt: toIso(now) };
  }

  /** Queues an approved template; a count of values other than the template's is refused before anything is written. */
  send(caller: Caller, input: z.output<typeof sendCloudTemplateInput>): MessageView {
    const numberId = this.access.requireConversation(caller, input.conversationId);
    const repeat = this.outbox.sentBefore(input.conversationId, input.clientId);
    if (repeat) return toMessageView(repeat);
    const row = this.sqlite.prepare<[number, string], TemplateRow>('select * from cloud_templates where id = ? and waba_id = ?').get(input.templateId, this.wabaOf(numberId));
    if (!row) throw fieldError('templateId', 'template_missing', 'No such template on this number’s WhatsApp Business Account');
    if (row.status !== 'APPROVED') throw fieldError('templateId', 'template_inactive', 'Meta has not approved this template');
    const parameters = JSON.parse(row.parameters) as TemplateParameters;
    const problems: FieldError[] = [];
    const count = (field: string, expected: number, given: number) => {
      if (expected !== given) problems.push({ field, code: 'parameter_count', message: `${expected} value(s) expected, ${given} given`, params: { expected, given } });
    };
    count('header', parameters.header, input.header.length);
    count('body', parameters.body, input.body.length);
    for (const button of parameters.buttons) count(`buttons.${button.index}`, button.parameters, input.buttons.filter((b) => b.index === button.index).length);
    for (const extra of input.buttons.filter((b) => !parameters.buttons.some((p) => p.index === b.index && p.parameters > 0))) {
      if (!parameters.buttons.some((p) => p.index === extra.index)) count(`buttons.${extra.index}`, 0, 1);
    }
    if (problems.length > 0) throw new AppError('VALIDATION_ERROR', problems);

    const text = (values: string[]) => values.map((value) => ({ type: 'text', text: value }));
    const components: unknown[] = [];
    if (input.header.length > 0) components.push({ type: 'header', parameters: text(input.header) });
    if (input.body.length > 0) components.push({ type: 'body', parameters: text(input.body) });
    for (const button of parameters.buttons.filter((b) => b.parameters > 0)) {
      const value = input.buttons.find((b) => b.index === button.index)!.value;
      components.push({
        type: 'button',
        sub_type: button.kind === 'copy_code' ? 'copy_code' : 'url',
        index: String(button.index),
        parameters: [button.kind === 'copy_code' ? { type: 'coupon_code', coupon_code: value } : { type: 'text', text: value }],
      });
    }
    const shown = [row.header_text ? filledText(row.header_text, input.header) : null, filledText(row.body_text, input.body), row.footer_text].filter(Boolean).join('\n');
    const message = this.outbox.enqueue({
      conversationId: input.conversationId,
      content: shown,
      sender: 'agent',
      senderId: caller.user.id,
      senderName: caller.user.name,
      cloudTemplate: { name: row.name, language: row.language, components },
      ...(input.clientId ? { clientId: input.clientId } : {}),
    });
    this.pipeline.publishNew(message);
    return toMessageView(message);
  }
}
