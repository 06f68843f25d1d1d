import { z } from 'zod';

const optionsSchema = z
  .object({
    dataDir: z.string().min(1).optional(),
    port: z.coerce.number().int().min(0).max(65535).default(5174),
    lan: z.boolean().default(false),
    /** LAN over plain HTTP: only when asked for by name, and flagged in the app. */
    lanInsecure: z.boolean().default(false),
    tlsCert: z.string().min(1).optional(),
    tlsKey: z.string().min(1).optional(),
    demo: z.boolean().default(false),
    /** Issue 19: the Cloud API's Graph API elsewhere (a local stand-in for tests and trials). */
    graphBaseUrl: z.url({ protocol: /^https?$/ }).optional(),
  })
  .superRefine((o, ctx) => {
    if (Boolean(o.tlsCert) !== Boolean(o.tlsKey)) ctx.addIssue({ code: 'custom', path: ['tlsCert'], message: '--tls-cert and --tls-key go together' });
    if (o.tlsCert && o.lanInsecure) ctx.addIssue({ code: 'custom', path: ['lanInsecure'], message: '--lan-insecure cannot be used with a certificate' });
    if (o.tlsCert && !o.lan) ctx.addIssue({ code: 'custom', path: ['tlsCert'], message: 'a certificate is for --lan (this computer alone is served over plain HTTP)' });
  });

export type HostOptions = z.output<typeof optionsSchema>;

const usage = 'Use --data-dir <folder>, --port <number>, --lan, --tls-cert <file> --tls-key <file>, --lan-insecure, --demo, --graph-base-url <url>.';

/**
 * Parses `--data-dir <p>`, `--port <n>`, `--lan`, `--tls-cert <f>`, `--tls-key <f>`,
 * `--lan-insecure` (implies `--lan`) and `--demo` (either `--k v` or `--k=v`).
 */
export function parseHostOptions(argv: readonly string[]): HostOptions {
  const raw: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--data-dir') raw.dataDir = value();
    else if (flag === '--port') raw.port = value();
    else if (flag === '--lan') raw.lan = true;
    else if (flag === '--lan-insecure') raw.lan = raw.lanInsecure = true;
    else if (flag === '--tls-cert') raw.tlsCert = value();
    else if (flag === '--tls-key') raw.tlsKey = value();
    else if (flag === '--demo') raw.demo = true;
    else if (flag === '--graph-base-url') raw.graphBaseUrl = value();
    else throw new Error(`Unknown option ${flag}. ${usage}`);
  }
  const parsed = optionsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`Invalid options: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
