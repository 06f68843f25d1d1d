import { allDemoCustomers, demoCustomers, type DemoCustomer } from './demo-customers';

/**
 * Which simulated customers write to which demo number: each number its own people, so two
 * linked demo numbers never share a customer or a thread. The demo seed's number (the office's
 * first, id 1) keeps the cast the seed and the README describe, with the seeded customers who
 * already have a history there; every other number gets the same kinds of enquiries from other
 * people: other names, other phones.
 */
export function demoCustomersForNumber(numberId: number): readonly DemoCustomer[] {
  if (numberId === 1) return allDemoCustomers;
  return demoCustomers.map((customer, i) => ({
    ...customer,
    name: otherName(customer.language, i, numberId),
    phone: otherPhone(customer.phone, numberId),
  }));
}

const names = {
  ar: {
    first: ['فيصل', 'عبير', 'سلمان', 'مشاعل', 'ياسر', 'جواهر', 'بندر', 'هند', 'نايف', 'أمل', 'مشعل'],
    family: ['السبيعي', 'العنزي', 'الحارثي', 'الشهراني', 'البقمي', 'الرويلي', 'العسيري', 'الجهني', 'الخثعمي'],
  },
  en: {
    first: ['Nasser', 'Reem', 'Hamad', 'Lulwa', 'Saud', 'Nouf', 'Rakan'],
    family: ['Alsubaie', 'Alanazi', 'Alharthi', 'Alshahrani', 'Albuqami', 'Aljohani'],
  },
} as const;

function otherName(language: DemoCustomer['language'], index: number, numberId: number): string {
  const { first, family } = names[language];
  return `${first[(index + numberId) % first.length]!} ${family[(index * 5 + numberId * 3) % family.length]!}`;
}

/** A Saudi mobile (+9665 and eight digits) moved by the number's id: the same person on one number, someone else on another. */
function otherPhone(phone: string, numberId: number): string {
  const tail = Number(phone.slice(-8));
  return `+9665${String((tail + numberId * 10_007_357) % 100_000_000).padStart(8, '0')}`;
}
