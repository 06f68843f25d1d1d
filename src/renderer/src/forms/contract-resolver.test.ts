import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contractResolver, decodeDetail } from './contract-resolver';

const schema = z.object({
  name: z.string().trim().min(1),
  shifts: z.array(z.object({ start: z.string().regex(/^\d\d:\d\d$/), end: z.string() })),
  seats: z.coerce.number().int().max(10),
});
const options = { fields: {}, shouldUseNativeValidation: false } as const;

describe('a form checked by the contract’s schema', () => {
  it('passes the parsed values on when they are valid', async () => {
    const result = await contractResolver(schema)({ name: ' مكتب ', shifts: [{ start: '09:00', end: '13:00' }], seats: '4' }, undefined, options);
    expect(result.errors).toEqual({});
    expect(result.values).toEqual({ name: 'مكتب', shifts: [{ start: '09:00', end: '13:00' }], seats: 4 });
  });

  it('puts each failure under its field, nested ones too, with the code the core would send', async () => {
    const result = await contractResolver(schema)({ name: '  ', shifts: [{ start: '09:00', end: '13:00' }, { start: '9', end: '21:00' }], seats: '11' }, undefined, options);
    const errors = result.errors as Record<string, unknown> & { shifts?: Array<{ start?: { message?: string } } | undefined> };
    expect(decodeDetail((errors.name as { message: string }).message)?.code).toBe('required');
    expect(errors.shifts?.[0]).toBeUndefined();
    expect(decodeDetail(errors.shifts?.[1]?.start?.message)?.code).toBe('invalid');
    expect(decodeDetail((errors.seats as { message: string }).message)).toEqual({ code: 'max_value', params: { max: 10 } });
  });
});
