import { documentNumberText, type InvoiceDetail } from '../../../../shared/invoices/types';
import { documentHash } from '../invoice-hash';

/** Where a document's two files sit in the zip: `pdf/INV-000042.pdf`, `json/INV-000042.json`. */
export function entryNames(doc: InvoiceDetail): { pdf: string; json: string; numberText: string } {
  const numberText = documentNumberText(doc.kind, doc.number)!;
  return { pdf: `pdf/${numberText}.pdf`, json: `json/${numberText}.json`, numberText };
}

/**
 * A document's JSON: every field the app knows of it (UUID, counter value, previous hash, hash,
 * QR, seller as frozen, lines, totals per category, payments) plus the canonical text its hash
 * is taken over, so anyone can check the hash without the app.
 */
export function documentJson(doc: InvoiceDetail, canonical: string): string {
  return JSON.stringify({ ...doc, numberText: documentNumberText(doc.kind, doc.number), canonical }, null, 2);
}

export interface ManifestEntry {
  number: number;
  numberText: string;
  kind: InvoiceDetail['kind'];
  type: InvoiceDetail['type'];
  uuid: string;
  issuedAt: string;
  /** The office day it was issued on (its supply date). */
  officeDay: string;
  buyerName: string;
  originalNumber: number | null;
  net: number;
  vat: number;
  total: number;
  previousHash: string;
  hash: string;
  pdf: string;
  json: string;
}

export function manifestEntry(doc: InvoiceDetail): ManifestEntry {
  const names = entryNames(doc);
  return {
    number: doc.number!,
    numberText: names.numberText,
    kind: doc.kind,
    type: doc.type,
    uuid: doc.uuid,
    issuedAt: doc.issuedAt!,
    officeDay: doc.supplyDate,
    buyerName: doc.buyerName,
    originalNumber: doc.originalNumber,
    net: doc.net,
    vat: doc.vat,
    total: doc.total,
    previousHash: doc.previousHash!,
    hash: doc.hash!,
    pdf: names.pdf,
    json: names.json,
  };
}

/**
 * The chain as the archive holds it: in counter order, each document's previous hash must be
 * the hash of the one before it, and each hash must be SHA-256 of its canonical text. The first
 * break is named; documents issued before the range are outside it, so the first one's previous
 * hash is only reported.
 */
export function chainCheck(docs: readonly { number: number; previousHash: string; hash: string; canonical: string }[]) {
  let firstBreak: { number: number; problem: 'hash_mismatch' | 'previous_hash_mismatch' | 'number_gap' } | null = null;
  docs.forEach((doc, i) => {
    if (firstBreak) return;
    const before = docs[i - 1];
    if (documentHash(doc.canonical) !== doc.hash) firstBreak = { number: doc.number, problem: 'hash_mismatch' };
    else if (before && doc.number !== before.number + 1) firstBreak = { number: doc.number, problem: 'number_gap' };
    else if (before && doc.previousHash !== before.hash) firstBreak = { number: doc.number, problem: 'previous_hash_mismatch' };
  });
  return {
    firstNumber: docs[0]?.number ?? null,
    lastNumber: docs.at(-1)?.number ?? null,
    /** The hash the first document in the range chains to (the last one issued before the range, or ZATCA's start). */
    startsAfterHash: docs[0]?.previousHash ?? null,
    lastHash: docs.at(-1)?.hash ?? null,
    unbroken: firstBreak === null,
    firstBreak: firstBreak as { number: number; problem: string } | null,
  };
}
