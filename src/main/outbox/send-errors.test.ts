import { describe, expect, it } from 'vitest';
import { classifySendError, SendError } from './send-errors';

/** Which refusals no retry will cure: those fail an answer at once, with a code the agent is shown. */
describe('telling a permanent send error from a temporary one', () => {
  it.each([
    ['Evaluation failed: Error: invalid wid', 'invalid_recipient'],
    ['wid error: invalid wid', 'invalid_recipient'],
    ['123 is not a valid chat id', 'invalid_recipient'],
    ['Invalid chat', 'invalid_recipient'],
    ['invalid phone number', 'invalid_recipient'],
    ['INVALID NUMBER', 'invalid_recipient'],
    ['No LID for user', 'invalid_recipient'],
    ['the user is not registered', 'invalid_recipient'],
    ['This person is not on WhatsApp', 'invalid_recipient'],
    ['Message too long', 'rejected'],
    ['payload too large', 'rejected'],
  ])('“%s” fails at once as %s', (message, code) => {
    const error = classifySendError(new Error(message));
    expect(error).toMatchObject({ permanent: true, code, message, name: 'SendError' });
  });

  it.each(['Evaluation failed: Protocol error (Runtime.callFunctionOn): Target closed', 'net::ERR_INTERNET_DISCONNECTED', 'timeout', 'invalid', 'too long'])(
    '“%s” is temporary: retried',
    (message) => {
      const error = classifySendError(new Error(message));
      expect(error).toMatchObject({ permanent: false, code: 'rejected', message });
    },
  );

  it('keeps a SendError the transport already classified, and reads anything thrown as text', () => {
    const own = new SendError('The number was removed', true, 'number_removed');
    expect(classifySendError(own)).toBe(own);
    expect(classifySendError('not on whatsapp')).toMatchObject({ permanent: true, code: 'invalid_recipient', message: 'not on whatsapp' });
    expect(classifySendError(42)).toMatchObject({ permanent: false, message: '42' });
    expect(new SendError('refused', false)).toMatchObject({ code: 'rejected', name: 'SendError' });
  });
});
