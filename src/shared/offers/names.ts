import type { SameNames } from '../contract-kit';
import type { offersChannels, OffersEvents } from './contract';

/** The slice's names without zod, for the preload and the renderer. */
export const offersChannelNames = [
  'offers.list',
  'offers.get',
  'offers.create',
  'offers.counter',
  'offers.accept',
  'offers.reject',
  'offers.withdraw',
  'offers.undoAcceptance',
  'promotions.list',
  'promotions.current',
  'promotions.create',
  'promotions.update',
  'promotions.delete',
] as const;
export const offersEventNames = ['offers.changed', 'offers.needsAnswer', 'promotions.changed'] as const;

const listed: [SameNames<(typeof offersChannelNames)[number], keyof typeof offersChannels>, SameNames<(typeof offersEventNames)[number], keyof OffersEvents>] = [true, true];
void listed;
