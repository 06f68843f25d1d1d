import { z } from 'zod';

const optionsSchema = z.object({
  dataDir: z.string().min(1).optional(),
  port: z.coerce.number().int().min(0).max(65535).default(5174),
  lan: z.boolean().default(false),
  demo: z.boolean().default(false),
});
export type HostOptions = z.output<typeof optionsSchema>;

/** Parses `--data-dir <p>`, `--port <n>`, `--lan` and `--demo` (either `--k v` or `--k=v`). */
export function parseHostOptions(argv: readonly string[]): HostOptions {
  const raw: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--data-dir') raw.dataDir = value();
    else if (flag === '--port') raw.port = value();
    else if (flag === '--lan') raw.lan = true;
    else if (flag === '--demo') raw.demo = true;
    else throw new Error(`Unknown option ${flag}. Use --data-dir <folder>, --port <number>, --lan, --demo.`);
  }
  const parsed = optionsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`Invalid options: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
