import type { SameNames } from '../contract-kit';
import type { numbersChannels, NumbersEvents } from './contract';

/** The slice's names without zod, for the preload and the renderer. */
export const numbersChannelNames = [
  'numbers.list',
  'numbers.get',
  'numbers.create',
  'numbers.update',
  'numbers.connect',
  'numbers.disconnect',
  'numbers.remove',
  'numbers.requestPairingCode',
  'numbers.demoScan',
  'numbers.demoEvent',
  'numbers.setAgents',
] as const;
export const numbersEventNames = ['number.status', 'number.removed'] as const;

const listed: [SameNames<(typeof numbersChannelNames)[number], keyof typeof numbersChannels>, SameNames<(typeof numbersEventNames)[number], keyof NumbersEvents>] = [true, true];
void listed;
