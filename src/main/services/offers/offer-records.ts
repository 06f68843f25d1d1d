import type Database from 'better-sqlite3';
import type { OfferParty, OfferStatus, OfferStepView, OfferView } from '../../../shared/offers/types';
import { toIso } from '../../base/clock';

export interface OfferRow {
  id: number;
  conversation_id: number;
  contact_id: number;
  property_id: number;
  status: OfferStatus;
  first_amount: number;
  amount: number;
  terms: string | null;
  valid_until: string;
  awaiting: OfferParty | null;
  created_by: number | null;
  created_at: number;
  updated_at: number;
  number_id: number;
  customer_name: string | null;
  customer_phone: string | null;
  property_name: string;
  created_by_name: string | null;
}

interface StepRow {
  id: number;
  status: OfferStatus;
  by: OfferParty;
  amount: number;
  terms: string | null;
  valid_until: string;
  user_id: number | null;
  user_name: string | null;
  created_at: number;
}

/** An offer with what the lists show beside it: the customer, the property, the number, who logged it. */
export const offerSelect = `select o.*, c.whatsapp_number_id as number_id, ct.name as customer_name, ct.phone as customer_phone,
  p.name as property_name, u.name as created_by_name
  from offers o
  join conversations c on c.id = o.conversation_id
  join contacts ct on ct.id = o.contact_id
  join properties p on p.id = o.property_id
  left join users u on u.id = o.created_by`;

export interface OfferQueries {
  byId: Database.Statement<[number], OfferRow>;
  acceptedOn: Database.Statement<[number], OfferRow>;
  steps: Database.Statement<[number], StepRow>;
  insertStep: Database.Statement<[number, string, string, number, string | null, string, number | null, number]>;
}

export function offerQueries(sqlite: Database.Database): OfferQueries {
  return {
    byId: sqlite.prepare<[number], OfferRow>(`${offerSelect} where o.id = ?`),
    acceptedOn: sqlite.prepare<[number], OfferRow>(`${offerSelect} where o.property_id = ? and o.status = 'accepted'`),
    steps: sqlite.prepare<[number], StepRow>(
      `select s.id, s.status, s.by, s.amount, s.terms, s.valid_until, s.user_id, u.name as user_name, s.created_at
       from offer_steps s left join users u on u.id = s.user_id where s.offer_id = ? order by s.id`,
    ),
    insertStep: sqlite.prepare<[number, string, string, number, string | null, string, number | null, number]>(
      'insert into offer_steps (offer_id, status, by, amount, terms, valid_until, user_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
  };
}

export function toOfferView(row: OfferRow): OfferView {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    contactId: row.contact_id,
    customerName: row.customer_name,
    customerPhone: row.customer_phone,
    propertyId: row.property_id,
    propertyName: row.property_name,
    numberId: row.number_id,
    status: row.status,
    firstAmount: row.first_amount,
    amount: row.amount,
    terms: row.terms,
    validUntil: row.valid_until,
    awaiting: row.awaiting,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

export function toStepView(row: StepRow): OfferStepView {
  return {
    id: row.id,
    status: row.status,
    by: row.by,
    amount: row.amount,
    terms: row.terms,
    validUntil: row.valid_until,
    userId: row.user_id,
    userName: row.user_name,
    createdAt: toIso(row.created_at),
  };
}
