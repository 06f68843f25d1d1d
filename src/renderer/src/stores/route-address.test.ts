import { describe, expect, it } from 'vitest';
import { addressFromHash, hashFor } from './route-address';

describe('the address bar', () => {
  it('names a page, or nothing (the role\'s default page)', () => {
    expect(addressFromHash('')).toEqual({ route: null, conversationId: null, notFound: false });
    expect(addressFromHash('#/')).toEqual({ route: null, conversationId: null, notFound: false });
    expect(addressFromHash('#/contacts')).toEqual({ route: 'contacts', conversationId: null, notFound: false });
    expect(addressFromHash('#/inbox/')).toEqual({ route: 'inbox', conversationId: null, notFound: false });
  });

  it('gives a conversation its own address that reopens it', () => {
    expect(addressFromHash('#/inbox/42')).toEqual({ route: 'inbox', conversationId: 42, notFound: false });
    expect(addressFromHash(hashFor('inbox', 7))).toEqual({ route: 'inbox', conversationId: 7, notFound: false });
  });

  it('shows "page not found" for anything else', () => {
    for (const hash of ['#/nope', '#/inbox/0', '#/inbox/abc', '#/inbox/-3', '#/inbox/1.5', '#/inbox/4/x', '#/contacts/4', '#/INBOX', '#/inbox/99999999999999999']) {
      expect(addressFromHash(hash), hash).toMatchObject({ notFound: true });
    }
  });
});
