import { z } from 'zod';
import { cloudVerifyToken, linkCloudNumberInput, saveTunnelSettingsInput } from '../../../../shared/cloud/schemas';
import type { CloudConnectionView } from '../../../../shared/cloud/types';

/** An empty text field means "not given" to the contract. */
const blankAsUndefined = <T extends z.ZodType<string, string>>(schema: T) => z.string().transform((v) => (v.trim() === '' ? undefined : v)).pipe(schema.optional());
const blankAsNull = <T extends z.ZodType<string, string>>(schema: T) => z.string().transform((v) => (v.trim() === '' ? null : v)).pipe(schema.nullable());

/** The link dialog: the contract's cloud.link fields; an empty verify token has the core make one. */
export const linkCloudForm = linkCloudNumberInput.pick({ name: true, phoneNumberId: true, wabaId: true, accessToken: true, appSecret: true }).extend({
  verifyToken: blankAsUndefined(cloudVerifyToken),
});
export type LinkCloudValues = z.input<typeof linkCloudForm>;
export const linkCloudDefaults: LinkCloudValues = { name: '', phoneNumberId: '', wabaId: '', accessToken: '', appSecret: '', verifyToken: '' };

const shape = saveTunnelSettingsInput.shape;

/** The tunnel settings: a write-only token (empty keeps the saved one). */
export const tunnelForm = z.object({
  mode: shape.mode,
  cloudflaredPath: blankAsNull(z.string().trim().min(1).max(500)),
  publicUrl: blankAsNull(shape.publicUrl.unwrap().unwrap()),
  namedTunnelToken: blankAsUndefined(z.string().trim().min(20).max(2000).regex(/^\S+$/)),
});
export type TunnelValues = z.input<typeof tunnelForm>;

export function tunnelDefaults(view: CloudConnectionView): TunnelValues {
  return { mode: view.settings.mode, cloudflaredPath: view.settings.cloudflaredPath ?? '', publicUrl: view.settings.publicUrl ?? '', namedTunnelToken: '' };
}
