import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodDetails } from './zod-details';

function details(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a validation failure');
  return zodDetails(result.error, input);
}

const price = z.object({ price: z.number().int().min(0).max(1_000_000_000_000) }).strict();
const offset = z.object({ offset: z.number().int().min(0) }).strict();

describe('a number past its range', () => {
  it('is reported as past its maximum or minimum, with the bound', () => {
    expect(details(price, { price: 1_000_000_000_001 })).toEqual([{ field: 'price', code: 'max_value', message: expect.any(String), params: { max: 1_000_000_000_000 } }]);
    expect(details(price, { price: -1 })).toEqual([{ field: 'price', code: 'min_value', message: expect.any(String), params: { min: 0 } }]);
  });

  it('past the safe-integer range is max_value or min_value, not too_long or too_short', () => {
    expect(details(offset, { offset: 2 ** 60 })).toEqual([{ field: 'offset', code: 'max_value', message: expect.any(String), params: { max: Number.MAX_SAFE_INTEGER } }]);
    expect(details(z.object({ n: z.int() }), { n: -(2 ** 60) })).toEqual([{ field: 'n', code: 'min_value', message: expect.any(String), params: { min: -Number.MAX_SAFE_INTEGER } }]);
  });

  it('is reported once, with the field\'s own bound, when it also crosses the safe-integer range', () => {
    expect(details(price, { price: 1e300 })).toEqual([{ field: 'price', code: 'max_value', message: expect.any(String), params: { max: 1_000_000_000_000 } }]);
    expect(details(offset, { offset: -1e300 })).toEqual([{ field: 'offset', code: 'min_value', message: expect.any(String), params: { min: 0 } }]);
  });

  it('leaves other fields\' problems as they were', () => {
    const schema = z.object({ name: z.string().max(3), price: price.shape.price }).strict();
    expect(details(schema, { name: 'long name', price: 1e300 }).map((d) => [d.field, d.code])).toEqual([
      ['name', 'too_long'],
      ['price', 'max_value'],
    ]);
  });
});
