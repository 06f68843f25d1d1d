import type { SameNames } from '../contract-kit';
import type { demoChannels } from './contract';

/** The slice's names without zod, for the preload and the renderer. */
export const demoChannelNames = [
  'demo.customerSends',
  'demo.customerSays',
  'demo.newCustomerWrites',
  'demo.advanceClock',
] as const;
export const demoEventNames = [] as const;

const listed: [SameNames<(typeof demoChannelNames)[number], keyof typeof demoChannels>, (typeof demoEventNames)['length'] extends 0 ? true : never] = [true, true];
void listed;
