import type { propertiesChannels } from '../../../shared/properties/contract';
import { signedIn, type HandlerMap } from '../../rpc/handler-map';
import type { PropertiesService } from './properties-service';
import type { PropertyCards } from './property-card';
import type { PropertyPhotos } from './property-photos';

/** Binds the properties slice's channels to its services. */
export function propertiesHandlers(s: { properties: PropertiesService; propertyPhotos: PropertyPhotos; propertyCards: PropertyCards }): HandlerMap<typeof propertiesChannels> {
  return {
    'properties.list': (input, { caller }) => s.properties.list(signedIn(caller), input),
    'properties.interestedConversations': (input, { caller }) => s.properties.interestedConversations(signedIn(caller), input.id),
    'properties.create': (input, { caller }) => s.properties.create(signedIn(caller), input),
    'properties.update': (input, { caller }) => s.properties.update(signedIn(caller), input),
    'properties.priceHistory': (input) => (s.properties.get(input.id), s.properties.priceHistory.of(input.id)),
    'properties.sendCard': (input, { caller }) => s.propertyCards.send(signedIn(caller), input),
    'properties.delete': (input, { caller }) => s.properties.delete(signedIn(caller), input.id),
    'properties.addPhoto': (input, { caller }) => s.propertyPhotos.add(signedIn(caller), input.id, input.uploadId),
    'properties.removePhoto': (input, { caller }) => s.propertyPhotos.remove(signedIn(caller), input.id, input.photo),
    'properties.photo': (input) => s.propertyPhotos.piece(input),
    'conversations.interests': (input, { caller }) => s.properties.interests(signedIn(caller), input),
    'conversations.setInterest': (input, { caller }) => s.properties.setInterest(signedIn(caller), input),
    'conversations.removeInterest': (input, { caller }) => s.properties.removeInterest(signedIn(caller), input),
  };
}
