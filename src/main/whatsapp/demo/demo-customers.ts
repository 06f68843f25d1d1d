import { lidForPhone, pick, randomBetween, cryptoRandom, type Random } from './demo-ids';
import { demoFile, type DemoFileKind } from './demo-files';
import { seededCustomers } from './demo-seed-data';
import type { DemoWorld } from './demo-world';

/** A simulated customer of the Riyadh office: what they ask first, and how they answer an agent. */
export interface DemoCustomer {
  /** The WhatsApp profile name. */
  name: string;
  /** E.164. */
  phone: string;
  language: 'ar' | 'en';
  /** Writes from an `@lid` id; WhatsApp reveals the phone only later. */
  appearsAsLid?: boolean;
  opening: string;
  /** Said in turn after an agent's messages; then a short thanks. */
  followUps: readonly string[];
  /** Already in the inbox with a history (demo-seed): never opens again, only follows up. */
  seeded?: boolean;
  /** Files sent with some lines (the key counts the opening as 0); the line is the caption. */
  files?: Readonly<Record<number, DemoFileKind>>;
}

export const demoCustomers: readonly DemoCustomer[] = [
  { name: 'عبدالله الشهري', phone: '+966503418752', language: 'ar',
    opening: 'السلام عليكم، عندكم شقق للبيع في حي النرجس؟ أبغى ٤ غرف وميزانيتي حدود ٩٠٠ ألف',
    followUps: ['تمام، الشقة صك مستقل؟ وكم عمر المبنى؟', 'ممكن أعاين يوم السبت بعد العصر؟', 'والسعر قابل للتفاوض؟'] },
  { name: 'نورة العتيبي', phone: '+966551237904', language: 'ar', appearsAsLid: true,
    opening: 'مساء الخير، أبحث عن شقة إيجار في الملقا قريبة من طريق الملك فهد، عائلة صغيرة',
    followUps: ['كم الإيجار السنوي؟ وهل يقبلون دفعتين؟', 'العقد يكون موثق في منصة إيجار صح؟', 'ممكن ترسلون صور الشقة؟'] },
  { name: 'Mohammed Al-Qahtani', phone: '+966541906233', language: 'en',
    opening: "Hi, I saw your ad for the villa in Hittin. What's the asking price and the land area?",
    followUps: ["Thanks. Is there room to negotiate? I'm a cash buyer.", 'Can I view it this Thursday around 7pm?', "Does it have a private pool and a driver's room?"] },
  { name: 'فهد الدوسري', phone: '+966569874120', language: 'ar',
    opening: 'ابي فيلا في حطين بحدود ٣ مليون، درج صالة أو داخلي ما يفرق',
    followUps: ['وش عمر الفيلا؟ وفيه ضمانات على الهيكل؟', 'ممكن نحجز موعد معاينة بكرة المغرب؟', 'تمام، والسعي كم؟'] },
  { name: 'Sarah Alharbi', phone: '+966532450981', language: 'en', appearsAsLid: true,
    opening: 'Hello! Is the 3-bedroom apartment in Al Malqa still available for rent?',
    followUps: ['Great. Can the annual rent be paid in two installments?', 'Will the contract be registered on Ejar?', 'Could we see it on Sunday morning?'] },
  { name: 'خالد الزهراني', phone: '+966580036714', language: 'ar',
    opening: 'السلام عليكم، عندي استفسار عن التمويل العقاري. راتبي ١٨ ألف، كم أقدر آخذ تمويل؟',
    followUps: ['طيب والدفعة الأولى كم نسبتها؟', 'هذا تعريف الراتب، وأنا مستفيد من سكني. هل الدعم يشمل هالشقة؟', 'أي بنك تنصحوني فيه؟'],
    files: { 2: 'salary-letter' } },
  { name: 'ريم القحطاني', phone: '+966595512843', language: 'ar',
    opening: 'مرحبا، كم سعر المتر في النرجس حالياً للأراضي السكنية؟',
    followUps: ['فيه أرض على شارعين؟', 'شكراً، ممكن ترسل لي الموقع على الخريطة؟', 'بفكر وأرد عليك إن شاء الله'] },
  { name: 'Abdulaziz Almutairi', phone: '+966506672190', language: 'en',
    opening: 'Good evening, I want to compare renting vs buying in Al Narjis. Can you send me both options?',
    followUps: ['What would the monthly installment be on a 20-year mortgage?', 'And the 5% real estate transaction tax, who pays it?', "OK, let's book a call tomorrow."] },
  { name: 'منيرة السبيعي', phone: '+966548810367', language: 'ar',
    opening: 'السلام عليكم، عقد الإيجار حقي ينتهي الشهر الجاي، كيف أجدده عن طريق منصة إيجار؟',
    followUps: ['طيب المالك لازم يوافق من عنده؟', 'كم رسوم التوثيق؟', 'جزاكم الله خير'] },
  { name: 'سلطان المالكي', phone: '+966553329418', language: 'ar',
    opening: 'ابغى دوبلكس في الملقا، الميزانية مليون ونص، فيه شي متوفر؟',
    followUps: ['الدور الأرضي ولا العلوي؟', 'متى أقدر أشوفه؟ أنا فاضي الأحد', 'تمام أرسل لي اللوكيشن'] },
  { name: 'Lama Alshammari', phone: '+966567741092', language: 'en',
    opening: 'Hi, do you have furnished apartments in Hittin for a one-year lease?',
    followUps: ['Are utilities included?', 'Is there covered parking?', 'Perfect, please send the Ejar contract draft.'] },
  { name: 'تركي العنزي', phone: '+966590283375', language: 'ar',
    opening: 'كم العمولة عندكم على البيع؟ عندي شقة في النرجس أبي أعرضها',
    followUps: ['هذي صورة العمارة. الشقة ١٨٠ متر، ٤ غرف، الدور الأول', 'كم تتوقعون سعرها بالسوق؟', 'تمام نتفق، متى يجي المصور؟'],
    files: { 1: 'apartment-photo' } },
  { name: 'هيفاء الغامدي', phone: '+966536604718', language: 'ar', appearsAsLid: true,
    opening: 'السلام عليكم، هل عندكم شقق على الخارطة في شمال الرياض؟',
    followUps: ['كم مدة التسليم المتوقعة؟', 'المشروع مرخص من وافي؟', 'ممكن ترسلون البروشور؟'] },
  { name: 'Omar Bakr', phone: '+966501985546', language: 'en',
    opening: "Hello, I'm relocating to Riyadh next month and looking for a villa to rent near KAFD.",
    followUps: ["What's the typical annual rent in Al Malqa or Hittin?", 'Can the rent be paid monthly through Ejar?', 'Great, could we do the viewing by video call?'] },
];

const thanks = { ar: ['تمام، شكراً لك', 'أوكي، بانتظاركم', 'الله يعطيك العافية 🙏'], en: ['Thanks!', 'Sounds good, thank you.', '👍'] } as const;

const chatter = [
  { author: '966501112233', name: 'أبو خالد', group: 'مطلوب أرض تجارية على طريق أنس بن مالك، اللي عنده يتواصل', status: 'تم بحمد الله بيع فيلا النرجس ✅' },
  { author: '966555443322', name: 'Yousef Broker', group: 'Duplex for sale in Al Yasmin, 1.4M, direct from owner', status: 'New listing: Al Arid townhouses 🏘️' },
] as const;

/** Everyone who writes to a demo number: new customers, and the seeded ones following up. */
export const allDemoCustomers: readonly DemoCustomer[] = [...demoCustomers, ...seededCustomers];

/** The chat a customer writes from: their `@lid` or their phone's `@c.us`. */
export function customerChatId(customer: DemoCustomer): string {
  const digits = customer.phone.replace(/\D/g, '');
  return customer.appearsAsLid ? lidForPhone(digits) : `${digits}@c.us`;
}

export interface CustomerScriptOptions {
  /** The first customer writes this long after the number is ready. */
  firstMessageMs: number;
  /** Then another arrives every [min, max] ms. */
  everyMs: readonly [number, number];
  /** An answer to an agent comes [min, max] ms after the agent wrote... */
  replyAfterMs: readonly [number, number];
  /** ...this often (0 to 1). */
  replyChance: number;
  /** The share of arrivals that are group or status posts, which the inbox must keep out. */
  noiseChance: number;
  customers: readonly DemoCustomer[];
  random: Random;
}

export const defaultCustomerScript: CustomerScriptOptions = {
  firstMessageMs: 2000,
  everyMs: [25_000, 45_000],
  replyAfterMs: [4000, 9000],
  replyChance: 0.7,
  noiseChance: 0.1,
  customers: allDemoCustomers,
  random: cryptoRandom,
};

/**
 * The customers writing to one connected demo phone: first within seconds, then every half
 * minute or so, and answering agents. What each says next is read from the world (how often
 * they wrote before), so a restart does not make anyone repeat their opening.
 */
export class DemoCustomerScript {
  private readonly options: CustomerScriptOptions;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly pendingReplies = new Set<string>();
  private running = false;

  constructor(
    private readonly world: DemoWorld,
    private readonly phoneWid: string,
    options: Partial<CustomerScriptOptions> = {},
  ) {
    this.options = { ...defaultCustomerScript, ...options };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.later(this.options.firstMessageMs, () => this.arrival(true));
  }

  stop(): void {
    this.running = false;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.pendingReplies.clear();
  }

  /** An agent wrote in `chatId`: the customer there sometimes answers a few seconds later. */
  agentWrote(chatId: string): void {
    const customer = this.options.customers.find((c) => customerChatId(c) === chatId);
    if (!this.running || !customer || this.pendingReplies.has(chatId)) return;
    if (this.options.random() >= this.options.replyChance) return;
    this.pendingReplies.add(chatId);
    this.later(randomBetween(this.options.random, this.options.replyAfterMs), () => {
      this.pendingReplies.delete(chatId);
      this.write(customer);
    });
  }

  private arrival(first: boolean): void {
    const { random, noiseChance, customers } = this.options;
    if (!first && random() < noiseChance) {
      const poster = pick(random, chatter);
      if (random() < 0.5) this.world.postToGroup(this.phoneWid, { author: poster.author, body: poster.group, profileName: poster.name });
      else this.world.postStatus(this.phoneWid, { author: poster.author, body: poster.status, profileName: poster.name });
    } else {
      // Customers with a seeded history only answer in their own thread: never new arrivals here.
      const newcomers = customers.filter((c) => !c.seeded);
      const fresh = newcomers.filter((c) => this.world.messageCount(this.phoneWid, customerChatId(c), false) === 0);
      if (newcomers.length > 0) this.write(pick(random, fresh.length > 0 ? fresh : newcomers));
    }
    this.later(randomBetween(random, this.options.everyMs), () => this.arrival(false));
  }

  private write(customer: DemoCustomer): void {
    const said = this.world.messageCount(this.phoneWid, customerChatId(customer), false);
    const lines = customer.seeded ? customer.followUps : [customer.opening, ...customer.followUps];
    const body = lines[said] ?? pick(this.options.random, thanks[customer.language]);
    const line = customer.seeded ? said + 1 : said;
    const file = lines[said] !== undefined ? customer.files?.[line] : undefined;
    this.world.deliverInbound(this.phoneWid, {
      from: customer.phone,
      body,
      ...(file ? { file: demoFile(file) } : {}),
      ...(customer.appearsAsLid ? { lid: true as const } : {}),
      profileName: customer.name,
    });
  }

  private later(ms: number, run: () => void): void {
    if (!this.running) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.running) run();
    }, ms);
    this.timers.add(timer);
  }
}
