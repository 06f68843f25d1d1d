import { OfficeCalendar } from '../src/main/calendar/office-calendar';
import type { Holiday } from '../src/shared/calendar/office-hours';
import { heading, line, target } from './report';

const day = 24 * 60 * 60_000;
const calls = 200_000;
/** Issue 14: "is open / next opening" with split shifts and 30 holidays, under 5 µs a call. */
const targetNs = 5_000;

/** 30 holidays over the year ahead: single days and ranges (Eids, National Day, Founding Day…). */
function thirtyHolidays(start: number): Holiday[] {
  const holidays: Holiday[] = [];
  for (let i = 0; i < 30; i++) {
    const from = new Date(start + (i * 12 + 3) * day).toISOString().slice(0, 10);
    const to = new Date(start + (i * 12 + 3 + (i % 3)) * day).toISOString().slice(0, 10);
    holidays.push({ from, to, name: `holiday ${i + 1}` });
  }
  return holidays;
}

/** A small deterministic spread of instants over a year: the same figures run after run. */
function instants(start: number): Float64Array {
  const out = new Float64Array(calls);
  let seed = 20_261_203;
  for (let i = 0; i < calls; i++) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    out[i] = start + Math.floor((seed / 2 ** 31) * 365 * day);
  }
  return out;
}

function nsPerCall(run: (at: Float64Array) => number, at: Float64Array): { ns: number; sink: number } {
  const started = process.hrtime.bigint();
  const sink = run(at);
  return { ns: Number(process.hrtime.bigint() - started) / at.length, sink };
}

/** The office calendar's two hot questions, asked about instants spread over a year, in a Saudi and a summer-time zone. */
export function benchCalendar(): void {
  heading(`Office calendar: split shifts (09:00–13:00, 16:30–21:00), 30 holidays, ${calls.toLocaleString('en-US')} instants over a year`);
  const start = Date.UTC(2026, 0, 1);
  const at = instants(start);
  const isOpen = (calendar: OfficeCalendar) => (times: Float64Array) => {
    let open = 0;
    for (const t of times) if (calendar.isOpen(t)) open++;
    return open;
  };
  const nextOpening = (calendar: OfficeCalendar) => (times: Float64Array) => {
    let sum = 0;
    for (const t of times) sum += (calendar.nextOpening(t) ?? 0) % 7;
    return sum;
  };
  for (const timeZone of ['Asia/Riyadh', 'Europe/London']) {
    const calendar = new OfficeCalendar({
      timeZone,
      workingDays: [0, 1, 2, 3, 4],
      shifts: [
        { start: '09:00', end: '13:00' },
        { start: '16:30', end: '21:00' },
      ],
      holidays: thirtyHolidays(start),
    });
    // The first pass reads each quarter hour's offset through Intl once; later ones find it cached, as a running core does.
    const cold = nsPerCall(isOpen(calendar), at);
    line(`${timeZone}: isOpen, first pass (offsets read)`, `${cold.ns.toFixed(0)} ns a call`);
    const open = nsPerCall(isOpen(calendar), at);
    target(`${timeZone}: isOpen`, `${open.ns.toFixed(0)} ns a call (${((100 * open.sink) / calls).toFixed(1)}% open)`, open.ns < targetNs, '< 5,000 ns');
    nsPerCall(nextOpening(calendar), at);
    const next = nsPerCall(nextOpening(calendar), at);
    target(`${timeZone}: nextOpening`, `${next.ns.toFixed(0)} ns a call`, next.ns < targetNs, '< 5,000 ns');
  }
}
