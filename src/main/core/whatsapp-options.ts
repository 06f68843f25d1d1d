import type { WhatsappOptions } from './create-core';
import type { Logger } from '../base/logger';
import type { BrowserProvider } from '../whatsapp/webjs/browser-provider';
import { createDemoClientFactory } from '../whatsapp/demo/demo-client-factory';
import { defaultOutboxPolicy } from '../outbox/outbox';
import { seedDemoData } from '../whatsapp/demo/demo-seed';
import { seedDemoDeals } from '../whatsapp/demo/demo-deals';
import { startDemoProvider } from '../services/ai/testing/demo-provider';

/**
 * The shells' WhatsApp set-up: real whatsapp-web.js sessions, or in demo mode (`--demo`)
 * the simulated Client through the same transport, with demo data.
 */
export function whatsappOptions(options: { demo: boolean; logger: Logger; appBrowser?: BrowserProvider }): WhatsappOptions {
  if (!options.demo) return { restoreSessions: true, ...(options.appBrowser ? { appBrowser: options.appBrowser } : {}) };
  // MERAS_DEMO_ARRIVALS=off: simulated customers write only when asked (demo.newCustomerWrites, the
  // thread's demo menu), so a browser test counts exactly the arrivals it made.
  const factory = createDemoClientFactory(process.env.MERAS_DEMO_ARRIVALS === 'off' ? { customers: false } : {});
  options.logger.info('demo mode: WhatsApp is simulated');
  // The AI answers through a scripted local model (issue 16), so the demo needs no key or network.
  const aiProvider = startDemoProvider();
  return {
    factory,
    demo: factory,
    // The office first, then its viewings and offers through the services, so their rules hold.
    seed: async ({ db, sqlite, dataDir, services, now }) => {
      const seeded = await seedDemoData(db, { dataDir, now });
      if (seeded) seedDemoDeals({ db, sqlite }, seeded, services, now);
      (await aiProvider).pointAt(sqlite, now);
    },
    close: () => {
      factory.world.close();
      void aiProvider.then((p) => p.close());
    },
    restoreSessions: true,
    // A demo shows acks quickly; a real number is paced like a person.
    outboxPolicy: { ...defaultOutboxPolicy, paceMs: 200, paceJitterMs: 200 },
  };
}
