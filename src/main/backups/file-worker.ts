import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

/**
 * The slow parts of a backup and a restore run in a worker thread, off the event loop that
 * serves windows and takes in messages: checking a copy (`quick_check` reads every page),
 * hashing it, and age encryption (scrypt is ~1 s of pure JavaScript, and every 64 KiB chunk is
 * ChaCha20-Poly1305 in JavaScript). The worker only ever touches files no connection of the
 * core has open. One worker per task; it exits when done.
 */
export type FileTask =
  /** `normalize`: the file is our own fresh copy, switched out of WAL mode so it stands alone. */
  | { kind: 'check'; file: string; full: boolean; normalize?: boolean }
  | { kind: 'encryptFilesTo'; pairs: [string, string][]; recipient: string }
  | { kind: 'decryptFilesWith'; pairs: [string, string][]; identity: string }
  | { kind: 'sha256'; file: string }
  /** The live database `source` copied to `file` as it is at one instant (a read-only connection of the worker's own). */
  | { kind: 'snapshot'; source: string; file: string; pagesPerStep: number }
  /** A fresh copy made whole: checked and counted, encrypted if a passphrase is given, hashed. One worker for all three. */
  | { kind: 'seal'; file: string; passphrase: string | null; logN: number }
  | { kind: 'encrypt'; input: string; output: string; passphrase: string; logN: number }
  | { kind: 'encryptTo'; input: string; output: string; recipient: string }
  | { kind: 'decrypt'; input: string; output: string; passphrase: string }
  | { kind: 'decryptWith'; input: string; output: string; identity: string }
  | { kind: 'newIdentity' }
  | { kind: 'encryptText'; text: string; output: string; passphrase: string; logN: number }
  | { kind: 'decryptText'; input: string; passphrase: string };

export interface CheckResult {
  problems: string[];
  tables: Record<string, number>;
  /** drizzle's timestamp of the newest migration applied, 0 when none. */
  lastMigrationWhen: number;
}

export type SealResult = CheckResult & { sha256: string; output: string };

export type FileTaskResult = SealResult | CheckResult | { sha256: string } | { identity: string; recipient: string } | { text: string } | Record<string, never>;

/** Thrown by a task; `wrongPassphrase` when age could not open the file with it. */
export class FileTaskError extends Error {
  constructor(
    message: string,
    readonly wrongPassphrase: boolean,
  ) {
    super(message);
  }
}

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const crypto = require('node:crypto');
const { Readable, Transform } = require('node:stream');
const { pipeline } = require('node:stream/promises');
const task = workerData.task;
let lastPercent = -1;
let stage = '';
const progress = (done, total) => {
  const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
  if (percent !== lastPercent) { lastPercent = percent; parentPort.postMessage({ progress: percent, stage }); }
};
const counted = (file) => {
  const total = fs.statSync(file).size;
  let done = 0;
  return new Transform({ transform(chunk, _e, cb) { done += chunk.length; progress(done, total); cb(null, chunk); } });
};
// A read error goes on to the web stream (so the task fails with it) rather than being thrown in the worker.
const sourceOf = (file, withProgress) => {
  const source = fs.createReadStream(file);
  if (!withProgress) {
    source.on('error', () => undefined);
    return Readable.toWeb(source);
  }
  const counter = counted(file);
  source.on('error', (error) => counter.destroy(error));
  return Readable.toWeb(source.pipe(counter));
};
const readWeb = (file) => sourceOf(file, true);
const writeWeb = async (stream, output) => {
  const tmp = output + '.part';
  await pipeline(Readable.fromWeb(stream), fs.createWriteStream(tmp, { mode: 0o600 }));
  fs.renameSync(tmp, output);
};
const age = () => import(workerData.age);
async function run(task) {
  switch (task.kind) {
    case 'seal': {
      stage = 'checking';
      const check = await run({ kind: 'check', file: task.file, full: false, normalize: true });
      if (check.problems.length > 0) return { ...check, sha256: '', output: task.file };
      let output = task.file;
      if (task.passphrase) {
        stage = 'encrypting'; lastPercent = -1;
        output = task.file + '.age';
        await run({ kind: 'encrypt', input: task.file, output, passphrase: task.passphrase, logN: task.logN });
        fs.rmSync(task.file);
      }
      stage = 'hashing'; lastPercent = -1;
      const { sha256 } = await run({ kind: 'sha256', file: output });
      return { ...check, sha256, output };
    }
    case 'check': {
      const Database = require(workerData.binding);
      const db = new Database(task.file, { readonly: !task.normalize, fileMustExist: true });
      try {
        if (task.normalize) db.pragma('journal_mode = DELETE');
        const rows = db.pragma(task.full ? 'integrity_check' : 'quick_check');
        const problems = rows.map((r) => Object.values(r)[0]).filter((v) => v !== 'ok');
        const tables = {};
        if (problems.length === 0) {
          const names = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and sql not like 'CREATE VIRTUAL%' order by name").all();
          for (const { name } of names) tables[name] = db.prepare('select count(*) as n from "' + name.replace(/"/g, '""') + '"').get().n;
        }
        let lastMigrationWhen = 0;
        const hasJournal = db.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
        if (hasJournal) lastMigrationWhen = Number(db.prepare('select max(created_at) as w from __drizzle_migrations').get().w ?? 0);
        return { problems, tables, lastMigrationWhen };
      } finally {
        db.close();
      }
    }
    case 'snapshot': {
      const Database = require(workerData.binding);
      const db = new Database(task.source, { readonly: true, fileMustExist: true });
      let fd = null;
      try {
        // One read transaction for the whole copy: every step reads the same instant of the
        // database (WAL), so the core's writes meanwhile neither restart the copy nor enter it.
        db.exec('BEGIN');
        db.prepare('select count(*) from sqlite_master').get();
        // Flushed every step: tens of MB of dirty pages at most, so the kernel never throttles
        // the core's own writes to the WAL while hundreds of MB of copy wait to be written.
        await db.backup(task.file, {
          progress: () => {
            fd ??= fs.openSync(task.file, 'r+');
            fs.fdatasyncSync(fd);
            return task.pagesPerStep;
          },
        });
        db.exec('COMMIT');
        return {};
      } finally {
        if (fd !== null) fs.closeSync(fd);
        db.close();
      }
    }
    case 'sha256': {
      const hash = crypto.createHash('sha256');
      await pipeline(fs.createReadStream(task.file), counted(task.file), hash);
      return { sha256: hash.digest('hex') };
    }
    case 'encrypt': {
      const { Encrypter } = await age();
      const e = new Encrypter();
      e.setPassphrase(task.passphrase);
      e.setScryptWorkFactor(task.logN);
      await writeWeb(await e.encrypt(readWeb(task.input)), task.output);
      return {};
    }
    case 'encryptTo': {
      const { Encrypter } = await age();
      const e = new Encrypter();
      e.addRecipient(task.recipient);
      await writeWeb(await e.encrypt(readWeb(task.input)), task.output);
      return {};
    }
    case 'encryptFilesTo': {
      const { Encrypter } = await age();
      const e = new Encrypter();
      e.addRecipient(task.recipient);
      let done = 0;
      for (const [input, output] of task.pairs) {
        await writeWeb(await e.encrypt(sourceOf(input, false)), output);
        progress(++done, task.pairs.length);
      }
      return {};
    }
    case 'decryptFilesWith': {
      const { Decrypter } = await age();
      const d = new Decrypter();
      d.addIdentity(task.identity);
      let done = 0;
      for (const [input, output] of task.pairs) {
        await writeWeb(await d.decrypt(sourceOf(input, false)), output);
        progress(++done, task.pairs.length);
      }
      return {};
    }
    case 'decrypt':
    case 'decryptWith': {
      const { Decrypter } = await age();
      const d = new Decrypter();
      if (task.kind === 'decrypt') d.addPassphrase(task.passphrase); else d.addIdentity(task.identity);
      let plain;
      try {
        plain = await d.decrypt(readWeb(task.input));
      } catch (error) {
        throw Object.assign(new Error(String(error && error.message || error)), { wrongPassphrase: true });
      }
      await writeWeb(plain, task.output);
      return {};
    }
    case 'newIdentity': {
      const { generateIdentity, identityToRecipient } = await age();
      const identity = await generateIdentity();
      return { identity, recipient: await identityToRecipient(identity) };
    }
    case 'encryptText': {
      const { Encrypter } = await age();
      const e = new Encrypter();
      e.setPassphrase(task.passphrase);
      e.setScryptWorkFactor(task.logN);
      fs.writeFileSync(task.output, await e.encrypt(task.text), { mode: 0o600 });
      return {};
    }
    case 'decryptText': {
      const { Decrypter } = await age();
      const d = new Decrypter();
      d.addPassphrase(task.passphrase);
      try {
        return { text: await d.decrypt(fs.readFileSync(task.input), 'text') };
      } catch (error) {
        throw Object.assign(new Error(String(error && error.message || error)), { wrongPassphrase: true });
      }
    }
  }
}
run(task).then(
  (result) => parentPort.postMessage({ result }),
  (error) => parentPort.postMessage({ error: String(error && error.message || error), wrongPassphrase: Boolean(error && error.wrongPassphrase) }),
);
`;

/** Runs one task in a fresh worker; `onProgress` hears 0–100 for the tasks that stream a file. */
export function runFileTask<T extends FileTaskResult>(task: FileTask, onProgress?: (percent: number, stage: string) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: { task, binding: require.resolve('better-sqlite3'), age: pathToFileURL(require.resolve('age-encryption')).href },
    });
    let settled = false;
    worker.on('message', (message: { progress?: number; stage?: string; result?: T; error?: string; wrongPassphrase?: boolean }) => {
      if (message.progress !== undefined) return onProgress?.(message.progress, message.stage ?? '');
      settled = true;
      if (message.error !== undefined) reject(new FileTaskError(message.error, message.wrongPassphrase ?? false));
      else resolve(message.result as T);
      void worker.terminate();
    });
    worker.on('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the backup worker stopped (${code})`));
      settled = true;
    });
  });
}
