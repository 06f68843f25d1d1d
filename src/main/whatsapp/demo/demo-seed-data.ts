import type { DemoCustomer } from './demo-customers';

/**
 * The demo office's existing customers: each with a short history already in the inbox.
 * They are part of the simulated customers too (`seeded`): they never "open" again, but
 * answer an agent with their follow-ups.
 */
export interface SeededCustomer extends DemoCustomer {
  seeded: true;
  tags: readonly string[];
  /** Which demo agent has the conversation (0 or 1), or none. */
  agent: 0 | 1 | null;
  status: 'active' | 'pending' | 'resolved';
  /** The last message was this many minutes before the seed ran; earlier ones 6 minutes apart. */
  lastMinutesAgo: number;
  /** The last `unread` customer messages are not read yet. */
  unread: number;
  /**
   * `quotes`: the answer is about this catalogue property (demo-seed's order), and its `{price}`,
   * `{area}` and `{bedrooms}` are filled from the property's stored row.
   */
  history: readonly { from: 'customer' | 'agent'; text: string; delivered?: true; quotes?: number }[];
}

type Entry = Omit<SeededCustomer, 'seeded' | 'opening'>;
const seeded = (entry: Entry): SeededCustomer => ({ ...entry, seeded: true, opening: entry.history[0]?.text ?? '' });

export const seededCustomers: readonly SeededCustomer[] = [
  seeded({ name: 'ماجد العمري', phone: '+966505523187', language: 'ar', tags: ['شراء', 'النرجس'], agent: 0, status: 'active', lastMinutesAgo: 12, unread: 2,
    history: [
      { from: 'customer', text: 'السلام عليكم، شفت إعلانكم عن شقة النرجس، للحين متوفرة؟' },
      { from: 'agent', quotes: 0, text: 'وعليكم السلام، أهلاً أستاذ ماجد. نعم متوفرة: {bedrooms} غرف، {area} متر، الدور الثاني، والسعر {price}' },
      { from: 'customer', text: 'فيها مصعد وموقف خاص؟' },
      { from: 'customer', text: 'وأبي أعاين بكرة بعد العصر إذا أمكن' },
    ],
    followUps: ['تمام، أرسل لي اللوكيشن', 'طيب والسعر نهائي؟'] }),
  seeded({ name: 'Faisal Alotaibi', phone: '+966543318806', language: 'en', tags: ['buy', 'villa', 'Hittin'], agent: 1, status: 'active', lastMinutesAgo: 45, unread: 1,
    history: [
      { from: 'customer', text: 'Hi, is the villa in Hittin (the one with the pool) still on the market?' },
      { from: 'agent', quotes: 1, text: 'Hello Faisal! Yes it is: {area} m² of land, {bedrooms} bedrooms, private pool. Asking {price}.' },
      { from: 'customer', text: 'Could you send the floor plan?' },
    ],
    followUps: ['Thanks. What are the service charges?', 'Can we see it Saturday evening?'] }),
  seeded({ name: 'أم فيصل', phone: '+966556120794', language: 'ar', appearsAsLid: true, tags: ['إيجار', 'الملقا'], agent: 0, status: 'active', lastMinutesAgo: 120, unread: 0,
    history: [
      { from: 'customer', text: 'مساء الخير، أبغى شقة إيجار في الملقا ٣ غرف' },
      { from: 'agent', quotes: 2, text: 'مساء النور، عندنا شقة {bedrooms} غرف في الملقا قريبة من طريق الملك فهد، الإيجار {price} سنوياً على دفعتين' },
      { from: 'customer', text: 'العقد يكون موثق في إيجار؟' },
      { from: 'agent', text: 'أكيد، نوثق العقد في منصة إيجار ويوصلك رابط الموافقة على جوالك', delivered: true },
    ],
    followUps: ['تمام، متى نقدر نشوفها؟', 'ممكن صور المطبخ؟'] }),
  seeded({ name: 'سعد القرني', phone: '+966598840213', language: 'ar', tags: ['تمويل', 'على الخارطة'], agent: 1, status: 'pending', lastMinutesAgo: 300, unread: 0,
    history: [
      { from: 'customer', text: 'ابي تمويل لشقة على الخارطة، وش المطلوب؟' },
      { from: 'agent', text: 'حياك الله. نحتاج تعريف بالراتب وكشف حساب ٣ أشهر ونرفع الطلب للبنك، والدفعة الأولى عادة ١٠٪' },
      { from: 'customer', text: 'أبشر، بجهزها وأرسلها لك' },
      { from: 'agent', text: 'بانتظارك 👍' },
    ],
    followUps: ['أرسلت الأوراق على الإيميل', 'كم تاخذ الموافقة من وقت؟'] }),
  seeded({ name: 'Hessa Almansour', phone: '+966532207719', language: 'en', tags: ['rent', 'Al Narjis'], agent: null, status: 'active', lastMinutesAgo: 20, unread: 1,
    history: [{ from: 'customer', text: 'Good morning, what are the rents for 2-bedroom apartments in Al Narjis?' }],
    followUps: ['Furnished or unfurnished is fine.', 'Is there a gym in the building?'] }),
  seeded({ name: 'عبدالرحمن الدوسري', phone: '+966509934421', language: 'ar', tags: ['شراء', 'محجوز'], agent: 0, status: 'resolved', lastMinutesAgo: 2 * 24 * 60, unread: 0,
    history: [
      { from: 'customer', text: 'شكراً على المعاينة اليوم، قررنا نحجز الشقة' },
      { from: 'agent', text: 'مبروك مقدماً! أرسلنا لك عقد الحجز، والعربون ١٠ آلاف' },
      { from: 'customer', text: 'تم التحويل، الله يعطيكم العافية' },
      { from: 'agent', text: 'الله يعافيك، وصلنا التحويل ونتواصل معك لموعد الإفراغ' },
    ],
    followUps: ['متى موعد الإفراغ بالضبط؟'] }),
  seeded({ name: 'Khalid Bin Saeed', phone: '+966566651048', language: 'en', tags: ['rent vs buy', 'Al Malqa'], agent: 1, status: 'active', lastMinutesAgo: 180, unread: 0,
    history: [
      { from: 'customer', text: 'Is it better to rent or buy in Al Malqa right now? Budget 1.2M.' },
      { from: 'agent', quotes: 2, text: 'With 1.2M you can buy a 3-bedroom apartment in Al Malqa; renting our {bedrooms}-bedroom one there is {price} a year. I can prepare a comparison.' },
      { from: 'customer', text: 'Yes please, send it over.' },
      { from: 'agent', text: 'Sent to your email. Let me know when you want to talk it through.' },
    ],
    followUps: ['Got it, thanks. Who pays the 5% transaction tax?', "Let's talk tomorrow at 4pm."] }),
  seeded({ name: 'لطيفة الشمري', phone: '+966550078341', language: 'ar', tags: ['أراضي', 'حطين'], agent: 0, status: 'active', lastMinutesAgo: 24 * 60, unread: 0,
    history: [
      { from: 'customer', text: 'السلام عليكم، عندكم أراضي في حطين؟' },
      { from: 'agent', quotes: 3, text: 'وعليكم السلام، في حطين ما عندنا حالياً، لكن عندنا أرض سكنية في القيروان {area} متر على شارعين بسعر {price}' },
      { from: 'customer', text: 'غالية شوي، فيه شي أقل؟' },
      { from: 'agent', text: 'حالياً هذي أقل أرض عندنا، وإذا نزل شي جديد أبلغك أول بأول. أرسل لك الموقع؟' },
    ],
    followUps: ['إيه أرسله', 'طيب أشاور الأهل وأرد عليك'] }),
  seeded({ name: 'محمد الغامدي', phone: '+966538812265', language: 'ar', tags: ['إيجار', 'تجديد'], agent: 1, status: 'active', lastMinutesAgo: 35, unread: 0,
    history: [
      { from: 'customer', text: 'عقدي في إيجار ينتهي بعد شهر، أبي أجدد بنفس المبلغ' },
      { from: 'agent', text: 'تمام أستاذ محمد، بنكلم المالك ونرسل لك طلب التجديد على منصة إيجار' },
    ],
    followUps: ['وصلني الرابط ووافقت', 'شكراً لكم'] }),
  seeded({ name: 'Dana Alqahtani', phone: '+966591145782', language: 'en', tags: ['viewing', 'Al Yasmin'], agent: 0, status: 'active', lastMinutesAgo: 360, unread: 0,
    history: [
      { from: 'customer', text: 'Hi, can I book a viewing for the duplex in Al Yasmin?' },
      { from: 'agent', text: 'Sure Dana. Tuesday 5pm or Wednesday 7pm?' },
      { from: 'customer', text: 'Wednesday 7pm works.' },
      { from: 'agent', text: 'Booked ✅ I will share the location an hour before.' },
    ],
    followUps: ['Thank you! See you then.', 'Running 10 minutes late, sorry.'] }),
  seeded({ name: 'ناصر السهلي', phone: '+966548803659', language: 'ar', tags: ['إيجار'], agent: null, status: 'active', lastMinutesAgo: 8, unread: 1,
    history: [{ from: 'customer', text: 'كم السعي عندكم على الإيجار؟' }],
    followUps: ['والعقد سنة ولا أقل؟', 'تمام'] }),
  // Written with tashkeel, as some customers do: search finds it typed plainly («فله دبلكس»).
  seeded({ name: 'بدر المطيري', phone: '+966557741260', language: 'ar', tags: ['شراء', 'القيروان'], agent: null, status: 'active', lastMinutesAgo: 50, unread: 1,
    history: [{ from: 'customer', text: 'السلام عليكم، أبغى فِلّة دُبلكس في القيروان بحدود مليونين، وش المتوفر عندكم؟' }],
    followUps: ['تمام، أرسل لي الصور', 'متى أقدر أعاينها؟'] }),
  seeded({ name: 'Yazeed Alkhaldi', phone: '+966503360947', language: 'en', appearsAsLid: true, tags: ['landlord', 'Al Narjis'], agent: 1, status: 'active', lastMinutesAgo: 24 * 60 + 90, unread: 0,
    history: [
      { from: 'customer', text: 'Hello, I want to list my apartment in Al Narjis for rent.' },
      { from: 'agent', text: 'Welcome Yazeed! Could you share the size, the floor and the rent you expect?' },
      { from: 'customer', text: '150 m², 2nd floor, 3 bedrooms. Thinking 58k a year.' },
      { from: 'agent', text: 'That is in line with the market. Our photographer can come on Thursday.', delivered: true },
    ],
    followUps: ['Thursday works, after 4pm.', 'Will you handle the Ejar registration?'] }),
];

/** Templates a Riyadh office keeps for its usual answers (seed 003's categories and `{{variables}}`). */
export const demoTemplates: readonly { name: string; category: 'greeting' | 'appointment' | 'property' | 'follow_up'; content: string }[] = [
  { name: 'رسالة ترحيب', category: 'greeting', content: 'أهلاً {{customer_name}}، شكراً لتواصلك مع مكتب ميراس العقاري. كيف نقدر نخدمك اليوم؟' },
  { name: 'موعد معاينة', category: 'appointment', content: 'مرحباً {{customer_name}}، نؤكد موعد معاينة {{property_name}} يوم {{appointment_date}}. الموقع يصلك قبل الموعد بساعة.' },
  { name: 'تفاصيل عقار', category: 'property', content: '{{property_name}}: السعر {{price}} ريال. هل تحب نرسل لك الصور والموقع؟' },
  { name: 'متابعة العميل', category: 'follow_up', content: 'مساء الخير {{customer_name}}، حبيت أتابع معك بخصوص طلبك. هل عندك أي استفسار؟' },
];
