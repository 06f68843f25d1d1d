import type Database from 'better-sqlite3';
import { viewingDuration } from '../../../../shared/viewings/types';
import type { AiConfigView, AiReplyLanguage } from '../../../../shared/ai/types';
import type { OfficeCalendar } from '../../../calendar/office-calendar';
import { nextFreeSlot } from '../../viewings/viewing-checks';
import { officeWall } from '../../viewings/viewing-rows';
import type { ViewingsService } from '../../viewings/viewings-service';
import type { Decision } from '../engine/responder';
import type { Responder } from '../engine/responder';
import type { Turn } from '../engine/prompt';
import { asksForPerson } from '../engine/human-request';
import { asksForViewing, pickedSlot } from './viewing-request';

/** The slots offered in a conversation (kept with its episode, `ai_conversation_state.viewing_offer`). */
export interface ViewingOffer {
  propertyId: number;
  propertyName: string;
  agentId: number;
  durationMinutes: number;
  /** Starts, in ms, in the order offered ("1", "2", "3"). */
  slots: number[];
  /** Set once the customer picked one: the tentative viewing booked. */
  booked?: { viewingId: number; start: number };
}

/** What a booking decision does inside the runner's commit. */
export type BookingAction = { kind: 'offer'; offer: ViewingOffer } | { kind: 'book'; offer: ViewingOffer; start: number };

const slotsOffered = 3;
/** The first slot is at least this far ahead, so an agent can still get there. */
const leadMs = 60 * 60_000;

export interface BookingInput {
  /** Null in the test console: the number's agent shows it. */
  conversationId: number | null;
  numberId: number;
  config: AiConfigView;
  question: string;
  language: AiReplyLanguage;
  turns: Turn[];
  interestIds: number[];
  /** The episode's stored offer (JSON), if any. */
  offerJson: string | null;
  now: number;
}

/**
 * appointmentBooking without the model: a customer asking to see a property is offered free
 * slots of the agent's in office hours (the office calendar, the agent's viewings), and a pick
 * ("2", "10:30", «الثاني») books a tentative viewing that an agent confirms in the viewings page
 * (automation arms its reminder from the booking). With the scenario off, a request goes to
 * people. Deterministic: no figure or time in these replies comes from a model.
 */
export class ViewingBooking {
  private readonly q;

  constructor(private readonly deps: { sqlite: Database.Database; viewings: ViewingsService; responder: Responder; calendar: () => OfficeCalendar }) {
    const { sqlite } = deps;
    this.q = {
      // Who shows it: the conversation's agent, else the number's owner, else one of its agents, else an admin.
      agent: sqlite.prepare<[number], { id: number | null }>(
        `select coalesce(
           (select u.id from users u where u.id = c.assigned_agent_id and u.is_active = 1),
           (select u.id from users u where u.id = n.employee_id and u.is_active = 1),
           (select u.id from number_agents a join users u on u.id = a.user_id where a.whatsapp_number_id = n.id and u.is_active = 1 order by u.id limit 1),
           (select u.id from users u where u.role = 'admin' and u.is_active = 1 order by u.id limit 1)) as id
         from conversations c join whatsapp_numbers n on n.id = c.whatsapp_number_id where c.id = ?`,
      ),
      // The test console has no conversation: the number's owner, else one of its agents, else an admin.
      numberAgent: sqlite.prepare<[number], { id: number | null }>(
        `select coalesce(
           (select u.id from users u where u.id = n.employee_id and u.is_active = 1),
           (select u.id from number_agents a join users u on u.id = a.user_id where a.whatsapp_number_id = n.id and u.is_active = 1 order by u.id limit 1),
           (select u.id from users u where u.role = 'admin' and u.is_active = 1 order by u.id limit 1)) as id
         from whatsapp_numbers n where n.id = ?`,
      ),
      saveOffer: sqlite.prepare<[string, number]>('update ai_conversation_state set viewing_offer = ? where conversation_id = ?'),
    };
  }

  /** A decision when the burst is about a viewing (a request, or a pick from the open offer); else null (the responder answers). */
  decide(input: BookingInput): (Decision & { action?: BookingAction }) | null {
    if (asksForPerson(input.question)) return null;
    const offer = input.offerJson ? (JSON.parse(input.offerJson) as ViewingOffer) : null;
    const calendar = this.deps.calendar();
    const base = { reason: null, language: input.language, scenario: 'appointmentBooking' as const, recordsUsed: [], checks: [], promptTokens: 0, completionTokens: 0, errorCode: null, called: false };
    const handoff = (reason: Decision['reason']): Decision => ({ ...base, decision: 'handoff', reason, reply: '' });

    if (offer) {
      const times = offer.slots.map((s) => officeWall(calendar.timeZone, s).time);
      const pick = pickedSlot(input.question, times);
      if (pick !== null) {
        if (!input.config.scenarios.appointmentBooking) return handoff('scenario_off');
        // Picked again after booking: the same viewing, told again; nothing new is booked.
        if (offer.booked) return { ...base, decision: 'reply', reply: bookedText(offer, offer.booked.start, calendar, input.language) };
        const start = offer.slots[pick]!;
        return { ...base, decision: 'reply', reply: bookedText(offer, start, calendar, input.language), recordsUsed: [{ kind: 'property', id: offer.propertyId, title: offer.propertyName }], action: { kind: 'book', offer, start } };
      }
    }
    const lastAssistant = [...input.turns].reverse().find((t) => t.from === 'assistant')?.text ?? null;
    if (!asksForViewing(input.question, lastAssistant)) return null;
    if (!input.config.scenarios.appointmentBooking) return handoff('scenario_off');

    const property = this.deps.responder.records(input.question, input.interestIds).find((r) => r.kind === 'property');
    if (!property || property.kind !== 'property') return handoff('no_matching_record');
    const agentId = (input.conversationId === null ? this.q.numberAgent.get(input.numberId) : this.q.agent.get(input.conversationId))?.id ?? null;
    if (agentId === null) return handoff('no_viewing_slot');
    const durationMinutes = viewingDuration.default;
    const slots: number[] = [];
    let from = input.now + leadMs;
    while (slots.length < slotsOffered) {
      const slot = nextFreeSlot(calendar, from, durationMinutes, (s) => this.deps.viewings.clashWith(agentId, s, 0)?.end_at ?? null);
      if (!slot) break;
      slots.push(slot.start);
      // One slot a day: the customer chooses between days, not between quarter hours.
      from = calendar.nextDayStart(slot.start);
    }
    if (slots.length === 0) return handoff('no_viewing_slot');
    const next: ViewingOffer = { propertyId: property.facts.id, propertyName: property.facts.name, agentId, durationMinutes, slots };
    return {
      ...base,
      decision: 'reply',
      reply: offerText(next, calendar, input.language),
      recordsUsed: [{ kind: 'property', id: next.propertyId, title: next.propertyName }],
      action: { kind: 'offer', offer: next },
    };
  }

  /**
   * Inside the runner's commit: keeps an offer, or books the picked slot (null when it is no
   * longer free: the runner hands off instead).
   */
  apply(conversationId: number, action: BookingAction): { viewingId: number | null } | null {
    if (action.kind === 'offer') {
      this.q.saveOffer.run(JSON.stringify(action.offer), conversationId);
      return { viewingId: null };
    }
    const { offer, start } = action;
    const viewingId = this.deps.viewings.bookTentative({ conversationId, propertyId: offer.propertyId, agentId: offer.agentId, start, durationMinutes: offer.durationMinutes });
    if (viewingId === null) return null;
    this.q.saveOffer.run(JSON.stringify({ ...offer, booked: { viewingId, start } } satisfies ViewingOffer), conversationId);
    return { viewingId };
  }

  /** After the commit: the agent and the number's team hear of the booking (automation arms its reminder). */
  announce(viewingId: number): void {
    this.deps.viewings.announceBooked(viewingId);
  }
}

/** A slot as the customer reads it, in the office's zone: «الأحد 6 ديسمبر، 10:00». */
export function slotText(start: number, calendar: OfficeCalendar, language: AiReplyLanguage): string {
  const locale = language === 'ar' ? 'ar-SA-u-nu-latn-ca-gregory' : 'en-GB';
  const day = new Intl.DateTimeFormat(locale, { timeZone: calendar.timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(start);
  return `${day}${language === 'ar' ? '،' : ','} ${officeWall(calendar.timeZone, start).time}`;
}

function offerText(offer: ViewingOffer, calendar: OfficeCalendar, language: AiReplyLanguage): string {
  const lines = offer.slots.map((s, i) => `${i + 1}) ${slotText(s, calendar, language)}`);
  return language === 'ar'
    ? `يسعدنا ترتيب معاينة ${offer.propertyName}. المواعيد المتاحة:\n${lines.join('\n')}\nأرسل رقم الموعد المناسب لك.`
    : `We'd be glad to arrange a viewing of ${offer.propertyName}. Free times:\n${lines.join('\n')}\nReply with the number of the time that suits you.`;
}

function bookedText(offer: ViewingOffer, start: number, calendar: OfficeCalendar, language: AiReplyLanguage): string {
  return language === 'ar'
    ? `تم حجز موعد مبدئي لمعاينة ${offer.propertyName} يوم ${slotText(start, calendar, language)}. سيتواصل معك أحد زملائنا لتأكيده.`
    : `A tentative viewing of ${offer.propertyName} is booked for ${slotText(start, calendar, language)}. A colleague will contact you to confirm it.`;
}
