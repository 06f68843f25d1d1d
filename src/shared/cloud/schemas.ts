import { z } from 'zod';
import { clientMessageId, entityId } from '../fields';
import { tunnelModes } from './types';

/** Issue 19's inputs. Meta's ids are digit strings; secrets are bounded so a paste of rubbish is refused. */

const graphId = z.string().trim().regex(/^\d{5,25}$/, 'Digits only, as Meta shows them');
const accessToken = z.string().trim().min(20).max(1000).regex(/^\S+$/, 'No spaces');
const appSecret = z.string().trim().regex(/^[0-9a-f]{32}$/i, '32 hexadecimal characters, from the app\'s Basic settings');
/** Meta's verify token: any text the admin chose, pasted here and in Meta's dashboard. */
const verifyToken = z.string().trim().min(8).max(200).regex(/^[\x21-\x7e]+$/, 'Letters, digits and symbols, no spaces');

export const linkCloudNumberInput = z
  .object({
    name: z.string().trim().min(2).max(100),
    phoneNumberId: graphId,
    wabaId: graphId,
    accessToken,
    appSecret,
    /** Left empty: the core makes one. */
    verifyToken: verifyToken.optional(),
    employeeId: entityId.nullable().optional(),
    branchId: entityId.nullable().optional(),
    quotaLimit: z.number().int().min(1).max(100_000).default(1000),
  })
  .strict();

/** A new token (they expire), app secret or verify token; what is left out is kept. */
export const updateCloudCredentialsInput = z
  .object({ numberId: entityId, accessToken: accessToken.optional(), appSecret: appSecret.optional(), verifyToken: verifyToken.optional() })
  .strict();

export const cloudNumberInput = z.object({ numberId: entityId }).strict();

const httpUrl = z
  .string()
  .trim()
  .max(300)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'An http(s) address');

export const saveGraphSettingsInput = z
  .object({ baseUrl: httpUrl, version: z.string().trim().regex(/^v\d{1,3}\.\d{1,2}$/, 'Like v21.0') })
  .strict();

export const saveTunnelSettingsInput = z
  .object({
    mode: z.enum(tunnelModes),
    cloudflaredPath: z.string().trim().min(1).max(500).nullable().optional(),
    /** Write-only: left out keeps the saved one, null clears it. */
    namedTunnelToken: z.string().trim().min(20).max(2000).regex(/^\S+$/).nullable().optional(),
    // Meta calls https only; plain http to this computer is for trying the self-test locally.
    publicUrl: httpUrl.refine((value) => value.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/|$)/.test(value), 'Meta calls https addresses only').nullable().optional(),
  })
  .strict();

export const conversationWindowInput = z.object({ conversationId: entityId }).strict();

export const cloudTemplatesInput = z.object({ numberId: entityId, approvedOnly: z.boolean().default(true) }).strict();

const parameterValue = z.string().trim().min(1).max(1024);

export const sendCloudTemplateInput = z
  .object({
    conversationId: entityId,
    templateId: entityId,
    header: z.array(parameterValue).max(1).default([]),
    body: z.array(parameterValue).max(50).default([]),
    buttons: z.array(z.object({ index: z.number().int().min(0).max(9), value: parameterValue }).strict()).max(10).default([]),
    clientId: clientMessageId.optional(),
  })
  .strict();
