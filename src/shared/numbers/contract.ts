import { adminOnly, channel } from '../contract-kit';
import { empty } from '../fields';
import * as s from './schemas';
import type { NumberDetails, NumberView } from './types';

/** The office's WhatsApp numbers: linking, sessions, quotas and who works them. */
export const numbersChannels = {
  'numbers.list': channel<NumberView[]>()({ input: empty, access: 'user', kind: 'read' }),
  /** One number with seed 003's `stats`, for those who work it. */
  'numbers.get': channel<NumberDetails>()({ input: s.numberIdInput, access: 'user', kind: 'read' }),
  'numbers.create': channel<NumberView>()({ input: s.createNumberInput, access: adminOnly, kind: 'write' }),
  'numbers.update': channel<NumberView>()({ input: s.updateNumberInput, access: adminOnly, kind: 'write' }),
  /** Starts (or with `force`, re-links) the number's WhatsApp session. */
  'numbers.connect': channel<NumberView>()({ input: s.connectNumberInput, access: adminOnly, kind: 'write' }),
  /** Stops the session and keeps the link: the number comes back without a QR. */
  'numbers.disconnect': channel<NumberView>()({ input: s.numberIdInput, access: adminOnly, kind: 'write' }),
  /** Logs out, forgets the session and hides the number; its conversations stay. */
  'numbers.remove': channel<{ ok: true }>()({ input: s.numberIdInput, access: adminOnly, kind: 'write' }),
  'numbers.requestPairingCode': channel<{ code: string }>()({ input: s.pairingCodeInput, access: adminOnly, kind: 'write' }),
  /** Demo mode only: the simulated phone scans the QR on screen. */
  'numbers.demoScan': channel<{ ok: true }>()({ input: s.numberIdInput, access: adminOnly, kind: 'write' }),
  /** Demo mode only: the simulated WhatsApp does something (syncs, drops, bans, logs out). */
  'numbers.demoEvent': channel<{ ok: true }>()({ input: s.demoEventInput, access: adminOnly, kind: 'write' }),
  'numbers.setAgents': channel<NumberView>()({ input: s.numberAgentsInput, access: adminOnly, kind: 'write' }),
} as const;

export interface NumbersEvents {
  'number.status': { number: NumberView };
  /** A number was removed: windows drop it. */
  'number.removed': { id: number };
}
