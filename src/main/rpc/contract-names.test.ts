import { describe, expect, it } from 'vitest';
import { channels } from '../../shared/contract';
import { channelNames } from '../../shared/names';

describe('the contract', () => {
  it('lists every channel exactly once for the preload and the renderer', () => {
    expect([...channelNames].sort()).toEqual(Object.keys(channels).sort());
    expect(new Set(channelNames).size).toBe(channelNames.length);
  });
});
