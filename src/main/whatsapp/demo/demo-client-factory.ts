import type { DemoPhoneEvent } from '../../../shared/numbers/schemas';
import type { DemoKind } from '../../../shared/demo/contract';
import type { WebjsClientFactory } from '../webjs/client-surface';
import { DemoClient, DemoMessageMedia, type DemoTimings } from './demo-client';
import type { CustomerScriptOptions } from './demo-customers';
import type { DemoTarget } from './demo-kinds';
import { cryptoRandom, demoPhoneForNumber, type Random } from './demo-ids';
import { DemoWorld } from './demo-world';

export interface DemoClientFactoryOptions {
  /** The simulated network; a fresh in-memory one by default. */
  world?: DemoWorld;
  /** Short timings make tests fast; the defaults feel like WhatsApp. */
  timings?: Partial<DemoTimings>;
  /** The simulated customers; false for none (tests that drive the world themselves). */
  customers?: Partial<CustomerScriptOptions> | false;
  /** A seeded random (demo-ids' seededRandom) makes QR payloads, ids and customers repeatable. */
  random?: Random;
}

export interface DemoClientFactory extends WebjsClientFactory {
  readonly world: DemoWorld;
  create(options: { numberId: number; sessionDir: string }): Promise<DemoClient>;
  /** The demo's "scan" button: false when no client of that number is waiting on a QR. */
  scan(numberId: number): boolean;
  /** The demo phone makes a WhatsApp event happen to the number's client; false when it has none. */
  simulate(numberId: number, event: DemoPhoneEvent): boolean;
  /** The customer of `chatId` on a ready number sends a kind of message (demo-kinds); false when it cannot. */
  customerSends(numberId: number, chatId: string, kind: DemoKind, target?: DemoTarget): boolean;
  /** The customer of `chatId` on a ready number writes `text`; false when it cannot. */
  customerSays(numberId: number, chatId: string, text: string): boolean;
  /** A customer new to the number writes their first message; null when the number has no ready client. */
  newCustomerWrites(numberId: number, customer: { language: 'ar' | 'en'; name?: string }): { name: string; phone: string } | null;
  /** The newest client made for a number. */
  client(numberId: number): DemoClient | undefined;
  /** The phone (digits) a demo number links as, unless linked by a pairing code for another. */
  phoneFor(numberId: number): string;
}

/** Hands the webjs transport simulated Clients that all live in one DemoWorld. */
export function createDemoClientFactory(options: DemoClientFactoryOptions = {}): DemoClientFactory {
  const world = options.world ?? new DemoWorld(options.random ? { random: options.random } : {});
  const random = options.random ?? cryptoRandom;
  const clients = new Map<number, DemoClient>();
  return {
    world,
    async create({ numberId, sessionDir }) {
      const client = new DemoClient({
        numberId,
        sessionDir,
        world,
        random,
        ...(options.timings ? { timings: options.timings } : {}),
        ...(options.customers !== undefined ? { customers: options.customers } : {}),
      });
      clients.set(numberId, client);
      return client;
    },
    media: (mimetype, base64, filename, filesize) => new DemoMessageMedia(mimetype, base64, filename, filesize),
    scan: (numberId) => clients.get(numberId)?.scan() ?? false,
    simulate(numberId, event) {
      const client = clients.get(numberId);
      if (!client || client.status === 'closed') return false;
      if (event === 'sync40') client.holdSync(40);
      else if (event === 'sync100') client.holdSync(100);
      else if (event === 'logout') client.unlinkFromPhone();
      else client.changeState(event);
      return true;
    },
    customerSends: (numberId, chatId, kind, target) => clients.get(numberId)?.customerSends(chatId, kind, target) ?? false,
    customerSays: (numberId, chatId, text) => clients.get(numberId)?.customerSays(chatId, text) ?? false,
    newCustomerWrites: (numberId, customer) => clients.get(numberId)?.newCustomerWrites(customer) ?? null,
    client: (numberId) => clients.get(numberId),
    phoneFor: demoPhoneForNumber,
  };
}
