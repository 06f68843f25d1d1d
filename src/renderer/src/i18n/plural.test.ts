import { describe, expect, it } from 'vitest';
import { plural } from './plural';
import { makeTranslate } from './translate';

describe('counted messages', () => {
  it('take each of Arabic\'s six plural forms', () => {
    const t = makeTranslate('ar');
    const say = (n: number) => plural(t, 'ar', 'nav.unreadCount', n);
    expect(say(0)).toBe('لا محادثات غير مقروءة');
    expect(say(1)).toBe('محادثة واحدة غير مقروءة');
    expect(say(2)).toBe('محادثتان غير مقروءتين');
    expect(say(3)).toBe('3 محادثات غير مقروءة');
    expect(say(10)).toBe('10 محادثات غير مقروءة');
    expect(say(11)).toBe('11 محادثة غير مقروءة');
    expect(say(100)).toBe('100 محادثة غير مقروءة');
  });

  it('take English\'s one and other', () => {
    const t = makeTranslate('en');
    expect(plural(t, 'en', 'offline.waitingCount', 1)).toBe('1 answer waiting for the desk');
    expect(plural(t, 'en', 'offline.waitingCount', 2)).toBe('2 answers waiting for the desk');
    expect(plural(t, 'en', 'offline.waitingCount', 0)).toBe('0 answers waiting for the desk');
  });
});
