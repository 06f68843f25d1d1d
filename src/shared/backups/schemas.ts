import { z } from 'zod';

const dailyTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const backupsListInput = z.object({}).strict();

export const updateBackupSettingsInput = z
  .object({
    folder: z.string().trim().min(1).max(1000).optional(),
    dailyTime: dailyTime.optional(),
    dailyEnabled: z.boolean().optional(),
    /** A new passphrase, or null to stop encrypting. */
    passphrase: z.string().min(8).max(200).nullable().optional(),
  })
  .strict();

export const runBackupInput = z.object({}).strict();

export const restoreBackupInput = z
  .object({
    id: z.string().regex(/^[0-9A-Za-z_-]{1,80}$/),
    /** Needed when the backup is encrypted; defaults to the one in the settings. */
    passphrase: z.string().min(1).max(200).optional(),
    /** The admin confirmed that everything since the backup is replaced. */
    confirm: z.literal(true),
  })
  .strict();
