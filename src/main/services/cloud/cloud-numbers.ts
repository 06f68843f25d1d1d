import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { linkCloudNumberInput, saveGraphSettingsInput, updateCloudCredentialsInput } from '../../../shared/cloud/schemas';
import { cloudCallbackPath, type CloudNumberView, type GraphSettings } from '../../../shared/cloud/types';
import { toIso, type Clock } from '../../base/clock';
import type { Logger } from '../../base/logger';
import { normalizePhone } from '../../base/phone';
import { AppError, fieldError } from '../../rpc/app-error';
import { cloudSecretBox, cloudSecretsOf, readGraphSettings, writeGraphSettings } from '../../whatsapp/cloud/cloud-store';
import { GraphClient, GraphError } from '../../whatsapp/cloud/graph-client';
import type { SessionManager } from '../../whatsapp/session-manager';
import type { ActivityLog } from '../activity/activity-log';
import type { Caller } from '../auth/auth-service';
import { requireAssignableBranch } from '../branches/branch-ref';
import { settingChanges } from './setting-changes';

interface CloudRow {
  whatsapp_number_id: number;
  name: string;
  phone_number_id: string;
  waba_id: string;
  path_key: string;
  display_phone_number: string | null;
  verified_name: string | null;
  quality_rating: string | null;
  checked_at: number | null;
  token_expired_at: number | null;
  last_webhook_at: number | null;
  created_at: number;
}

const selectCloud = `select c.whatsapp_number_id, n.name, c.phone_number_id, c.waba_id, c.path_key, c.display_phone_number, c.verified_name, c.quality_rating,
  c.checked_at, c.token_expired_at, c.last_webhook_at, c.created_at
  from cloud_numbers c join whatsapp_numbers n on n.id = c.whatsapp_number_id where n.removed_at is null`;

/** What Meta says of a phone-number id, once the token and ids are checked. */
interface CheckedNumber {
  displayPhoneNumber: string | null;
  verifiedName: string | null;
  qualityRating: string | null;
}

/** Only whether each secret is set, never its value. */
export function cloudNumberView(row: CloudRow): CloudNumberView {
  return {
    numberId: row.whatsapp_number_id,
    name: row.name,
    phoneNumberId: row.phone_number_id,
    wabaId: row.waba_id,
    displayPhoneNumber: row.display_phone_number,
    verifiedName: row.verified_name,
    qualityRating: row.quality_rating,
    hasAccessToken: true,
    hasAppSecret: true,
    callbackPath: cloudCallbackPath(row.path_key),
    lastWebhookAt: toIso(row.last_webhook_at),
    tokenExpiredAt: toIso(row.token_expired_at),
    checkedAt: toIso(row.checked_at),
    createdAt: toIso(row.created_at),
  };
}

/**
 * Issue 19: linking numbers on the WhatsApp Business Cloud API. Credentials are checked against
 * the Graph API before anything is stored; the token, app secret and verify token are sealed
 * (SecretBox) and leave the core only as "set".
 */
export class CloudNumbers {
  /** Set by the core: a linked number's callback is registered with Meta once a public URL is known. */
  linked: (numberId: number) => void = () => undefined;
  /** Set by the core: publishes the number's card to those who see it. */
  publishNumber: (numberId: number) => void = () => undefined;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly sessions: SessionManager,
    private readonly activity: ActivityLog,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  list(): CloudNumberView[] {
    return this.sqlite.prepare<[], CloudRow>(`${selectCloud} order by c.whatsapp_number_id`).all().map(cloudNumberView);
  }

  get(numberId: number): CloudNumberView {
    const row = this.sqlite.prepare<[number], CloudRow>(`${selectCloud} and c.whatsapp_number_id = ?`).get(numberId);
    if (!row) throw new AppError('NOT_FOUND');
    return cloudNumberView(row);
  }

  graphSettings(): GraphSettings {
    return readGraphSettings(this.sqlite);
  }

  saveGraphSettings(caller: Caller, input: z.output<typeof saveGraphSettingsInput>): GraphSettings {
    const before = this.graphSettings();
    writeGraphSettings(this.sqlite, input, this.clock.now());
    const changes = settingChanges('cloud.graph', { ...before }, { ...input });
    if (changes.length > 0) this.activity.record({ userId: caller.user.id, action: 'office.updated', entityType: 'office', details: { changes } });
    return this.graphSettings();
  }

  /** GET /{phone-number-id} and GET /{waba-id} with the token: Meta's refusal becomes the field's error. */
  async check(phoneNumberId: string, wabaId: string, accessToken: string): Promise<CheckedNumber> {
    const graph = new GraphClient({ settings: () => readGraphSettings(this.sqlite), token: () => accessToken, timeoutMs: 15_000 });
    try {
      const info = await graph.get<{ display_phone_number?: string; verified_name?: string; quality_rating?: string }>(phoneNumberId, {
        fields: 'display_phone_number,verified_name,quality_rating',
      });
      await graph.get(wabaId, { fields: 'id,name' }).catch((error: unknown) => {
        throw error instanceof GraphError && error.code === 100 ? Object.assign(error, { field: 'wabaId' }) : error;
      });
      return { displayPhoneNumber: info.display_phone_number ?? null, verifiedName: info.verified_name ?? null, qualityRating: info.quality_rating ?? null };
    } catch (error) {
      throw this.refusal(error);
    }
  }

  private refusal(error: unknown): AppError {
    if (!(error instanceof GraphError)) return new AppError('INTERNAL_ERROR');
    this.logger.warn('cloud credentials refused', { kind: error.kind, code: error.code, subcode: error.subcode, fbtraceId: error.fbtraceId });
    if (error.kind !== 'meta') return new AppError('SERVICE_UNAVAILABLE', 'graph_unreachable', undefined, `The Graph API could not be reached: ${error.message}`);
    if (error.code === 190) return fieldError('accessToken', 'graph_token_invalid', 'Meta refused the access token (expired or invalid)');
    if (error.code === 100) {
      const field = (error as GraphError & { field?: string }).field ?? 'phoneNumberId';
      return fieldError(field, 'graph_unknown_id', `Meta knows no ${field === 'wabaId' ? 'WhatsApp Business Account' : 'phone number'} with this id for this token`);
    }
    return fieldError('accessToken', 'invalid', `Meta refused the credentials: ${error.message}`);
  }

  async link(caller: Caller, input: z.output<typeof linkCloudNumberInput>): Promise<CloudNumberView> {
    if (input.employeeId != null && !this.sqlite.prepare('select 1 from users where id = ?').get(input.employeeId)) {
      throw fieldError('employeeId', 'unknown_user', 'No such user');
    }
    requireAssignableBranch(this.sqlite, input.branchId);
    this.requireUnlinked(input.phoneNumberId);
    const checked = await this.check(input.phoneNumberId, input.wabaId, input.accessToken);
    const phone = checked.displayPhoneNumber ? normalizePhone(checked.displayPhoneNumber) : null;
    const box = cloudSecretBox(this.sqlite);
    const verifyToken = input.verifyToken ?? crypto.randomBytes(24).toString('base64url');
    const id = this.sqlite.transaction(() => {
      this.requireUnlinked(input.phoneNumberId);
      // A removed number's row keeps the id unique: it is freed for the new link (only once Meta said yes).
      this.sqlite.prepare('delete from cloud_numbers where phone_number_id = ?').run(input.phoneNumberId);
      if (phone && this.sqlite.prepare('select 1 from whatsapp_numbers where phone_number = ? and removed_at is null').get(phone)) {
        throw fieldError('phoneNumberId', 'phone_taken', 'This phone is already one of the office’s numbers', 'CONFLICT');
      }
      const now = this.clock.now();
      const numberId = Number(
        this.sqlite
          .prepare("insert into whatsapp_numbers (name, phone_number, employee_id, branch_id, quota_limit, status, provider, created_at, updated_at) values (?, ?, ?, ?, ?, 'pending', 'cloud', ?, ?)")
          .run(input.name, phone, input.employeeId ?? null, input.branchId ?? null, input.quotaLimit, now, now).lastInsertRowid,
      );
      this.sqlite
        .prepare(
          `insert into cloud_numbers (whatsapp_number_id, phone_number_id, waba_id, access_token_sealed, app_secret_sealed, verify_token_sealed, path_key,
             display_phone_number, verified_name, quality_rating, checked_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          numberId, input.phoneNumberId, input.wabaId, box.seal(input.accessToken), box.seal(input.appSecret), box.seal(verifyToken), crypto.randomBytes(18).toString('base64url'),
          checked.displayPhoneNumber, checked.verifiedName, checked.qualityRating, now, now, now,
        );
      this.activity.record({ userId: caller.user.id, action: 'number.created', entityType: 'whatsapp_number', entityId: numberId, details: { name: input.name, provider: 'cloud', phoneNumberId: input.phoneNumberId } });
      return numberId;
    })();
    this.publishNumber(id);
    // Connecting checks the token once more and marks the number linked; the card follows by events.
    await this.sessions.start(id);
    this.linked(id);
    return this.get(id);
  }

  private requireUnlinked(phoneNumberId: string): void {
    const taken = this.sqlite
      .prepare<[string], { id: number }>('select n.id from cloud_numbers c join whatsapp_numbers n on n.id = c.whatsapp_number_id where c.phone_number_id = ? and n.removed_at is null')
      .get(phoneNumberId);
    if (taken) throw fieldError('phoneNumberId', 'cloud_id_taken', 'This phone-number id is already linked', 'CONFLICT');
  }

  async updateCredentials(caller: Caller, input: z.output<typeof updateCloudCredentialsInput>): Promise<CloudNumberView> {
    const current = this.get(input.numberId);
    if (input.accessToken) await this.check(current.phoneNumberId, current.wabaId, input.accessToken);
    const box = cloudSecretBox(this.sqlite);
    const sets: string[] = [];
    const values: string[] = [];
    if (input.accessToken) (sets.push('access_token_sealed = ?', 'token_expired_at = null'), values.push(box.seal(input.accessToken)));
    if (input.appSecret) (sets.push('app_secret_sealed = ?'), values.push(box.seal(input.appSecret)));
    if (input.verifyToken) (sets.push('verify_token_sealed = ?'), values.push(box.seal(input.verifyToken)));
    if (sets.length === 0) return current;
    const now = this.clock.now();
    this.sqlite.transaction(() => {
      this.sqlite.prepare(`update cloud_numbers set ${sets.join(', ')}, updated_at = ? where whatsapp_number_id = ?`).run(...values, now, input.numberId);
      // Which secrets changed, never their values.
      const fields = (['accessToken', 'appSecret', 'verifyToken'] as const).filter((key) => input[key]);
      this.activity.record({ userId: caller.user.id, action: 'number.updated', entityType: 'whatsapp_number', entityId: input.numberId, details: { fields } });
    })();
    // A new token brings a number that Meta had refused back.
    if (input.accessToken && !this.sessions.isConnected(input.numberId)) await this.sessions.start(input.numberId);
    if (input.verifyToken) this.linked(input.numberId);
    return this.get(input.numberId);
  }

  /** The verify token, for the connection screen (admins): pasted into Meta's dashboard. */
  verifyTokenOf(numberId: number): string {
    return cloudSecretsOf(this.sqlite, numberId)?.verifyToken ?? '';
  }
}
