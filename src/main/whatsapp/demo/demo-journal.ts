import fs from 'node:fs';
import path from 'node:path';

/** A message as the demo world keeps it (and writes it to the journal). */
export interface StoredMessage {
  /** WhatsApp's message id within the chat (`3EB0…`, `3A…`, 32 hex). */
  id: string;
  chatId: string;
  fromMe: boolean;
  body: string;
  /** Seconds since the epoch, as WhatsApp counts. */
  t: number;
  ack: number;
  type: string;
  /** Who wrote it in a group or a status. */
  author?: string;
  /** The sender's profile name. */
  notifyName?: string;
  /** A photo or file; `body` is then its caption. A customer's file keeps its bytes (base64) to download; ours only what it was. */
  media?: { mimetype: string; filename?: string; size: number; data?: string };
  /** Raw model fields of kinds beyond text (a place's lat/lng/loc, a quote's quotedStanzaID…), as WhatsApp Web has them. */
  data?: Record<string, unknown>;
  /** When the sender last edited it (ms). */
  editedAt?: number;
  /** Emoji by who reacted (their wid). */
  reactions?: Record<string, string>;
}

export type JournalEvent =
  | { e: 'msg'; p: string; k: 'user' | 'group' | 'status'; n?: string; m: StoredMessage }
  | { e: 'ack'; p: string; c: string; id: string; a: number }
  | { e: 'lid'; lid: string; pn: string }
  | { e: 'reveal'; lid: string }
  | { e: 'edit'; p: string; c: string; id: string; body: string; at: number }
  | { e: 'revoke'; p: string; c: string; id: string; at: number }
  | { e: 'react'; p: string; c: string; id: string; by: string; emoji: string; at: number };

/**
 * An append-only file of world events, one JSON line each. appendFileSync hands every line to
 * the OS before the call returns, so a process killed with SIGKILL loses nothing it was told.
 * Reading is incremental from the last offset, so lines appended by another process sharing
 * the file are picked up too. A torn last line (a writer killed mid-line) is closed off and skipped.
 */
export class DemoJournal {
  private offset = 0;

  constructor(readonly file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (fs.existsSync(file)) {
      const size = fs.statSync(file).size;
      if (size > 0 && !endsWithNewline(file, size)) fs.appendFileSync(file, '\n');
    }
  }

  append(event: JournalEvent): void {
    fs.appendFileSync(this.file, `${JSON.stringify(event)}\n`);
  }

  /** Complete lines written since the last call. */
  readNew(): JournalEvent[] {
    let fd: number;
    try {
      fd = fs.openSync(this.file, 'r');
    } catch {
      return [];
    }
    try {
      const size = fs.fstatSync(fd).size;
      if (size <= this.offset) return [];
      const buffer = Buffer.alloc(size - this.offset);
      fs.readSync(fd, buffer, 0, buffer.length, this.offset);
      const end = buffer.lastIndexOf(0x0a);
      if (end < 0) return [];
      this.offset += end + 1;
      return buffer.subarray(0, end).toString('utf8').split('\n').flatMap(parseLine);
    } finally {
      fs.closeSync(fd);
    }
  }
}

function endsWithNewline(file: string, size: number): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const last = Buffer.alloc(1);
    fs.readSync(fd, last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    fs.closeSync(fd);
  }
}

function parseLine(line: string): JournalEvent[] {
  if (!line.trim()) return [];
  try {
    const event = JSON.parse(line) as JournalEvent;
    return event && typeof event === 'object' && typeof event.e === 'string' ? [event] : [];
  } catch {
    return [];
  }
}
