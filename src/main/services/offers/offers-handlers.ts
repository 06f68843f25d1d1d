import type { offersChannels } from '../../../shared/offers/contract';
import { signedIn, type HandlerMap } from '../../rpc/handler-map';
import type { OffersService } from './offers-service';
import type { PromotionsService } from './promotions-service';

/** Binds the offers slice's channels to its services. */
export function offersHandlers(s: { offers: OffersService; promotions: PromotionsService }): HandlerMap<typeof offersChannels> {
  return {
    'offers.list': (input, { caller }) => s.offers.list(signedIn(caller), input),
    'offers.get': (input, { caller }) => s.offers.get(signedIn(caller), input.id),
    'offers.create': (input, { caller }) => s.offers.create(signedIn(caller), input),
    'offers.counter': (input, { caller }) => s.offers.counter(signedIn(caller), input),
    'offers.accept': (input, { caller }) => s.offers.accept(signedIn(caller), input.id),
    'offers.reject': (input, { caller }) => s.offers.reject(signedIn(caller), input.id),
    'offers.withdraw': (input, { caller }) => s.offers.withdraw(signedIn(caller), input.id),
    'offers.undoAcceptance': (input, { caller }) => s.offers.undoAcceptance(signedIn(caller), input),
    'promotions.list': () => s.promotions.list(),
    'promotions.current': () => ({ promotion: s.promotions.current() }),
    'promotions.create': (input, { caller }) => s.promotions.create(signedIn(caller), input),
    'promotions.update': (input, { caller }) => s.promotions.update(signedIn(caller), input),
    'promotions.delete': (input, { caller }) => s.promotions.delete(signedIn(caller), input.id),
  };
}
