import type { ContactCard } from '../../../shared/inbox/message-meta';

/**
 * A vCard's display name and phone numbers (vCard 3.0 as WhatsApp writes it: `FN:`, and
 * `TEL;type=CELL;waid=9665…:+966 5…`). The `waid` is WhatsApp's own digits, preferred to the
 * written form; folded lines (a break then a space) are joined first.
 */
export function parseVCard(text: string): ContactCard | null {
  if (typeof text !== 'string' || !/BEGIN:VCARD/i.test(text)) return null;
  const lines = text.replace(/\r\n[ \t]/g, '').replace(/\n[ \t]/g, '').split(/\r?\n/);
  let name = '';
  let structured = '';
  const phones: string[] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon);
    const value = unescape(line.slice(colon + 1).trim());
    const field = key.split(';')[0]!.toUpperCase().replace(/^ITEM\d+\./, '');
    if (field === 'FN') name = value;
    else if (field === 'N' && !structured) structured = value.split(';').filter(Boolean).reverse().join(' ');
    else if (field === 'TEL') {
      const waid = /waid=(\d{5,20})/i.exec(key)?.[1];
      const phone = waid ? `+${waid}` : value;
      if (phone && !phones.includes(phone)) phones.push(phone);
    }
  }
  const display = (name || structured).trim();
  if (!display && phones.length === 0) return null;
  return { name: display.slice(0, 200), phones: phones.slice(0, 10) };
}

function unescape(value: string): string {
  return value.replace(/\\([,;\\])/g, '$1').replace(/\\n/gi, ' ');
}
