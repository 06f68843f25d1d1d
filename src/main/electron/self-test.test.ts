import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/test-core';
import { runSelfTest } from './self-test';

describe('the installed app’s --self-test', () => {
  const leftovers = () => fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('meras-self-test-'));

  it('migrates a new data folder with the shipped migrations, writes and reads a message, and leaves nothing behind', () => {
    const before = leftovers();
    const result = runSelfTest(path.resolve('drizzle'));
    const journal = JSON.parse(fs.readFileSync(path.resolve('drizzle/meta/_journal.json'), 'utf8')) as { entries: unknown[] };
    expect(result).toEqual({ ok: true, migrations: journal.entries.length });
    expect(leftovers()).toEqual(before);
  });

  it('fails, saying why, when the migrations are missing', () => {
    const result = runSelfTest(tempDir('meras-no-migrations-'));
    expect(result.ok).toBe(false);
  });
});
