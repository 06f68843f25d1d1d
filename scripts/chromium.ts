import fs from 'node:fs';

/**
 * The Chromium the browser tests and benchmarks drive, found without any download:
 * `CHROMIUM_PATH` first, then a system Chromium or Chrome, then (Linux x64) the one the npm
 * package `@sparticuz/chromium` carries, unpacked into the temp folder on first use.
 */
export interface TestChromium {
  executablePath: string;
  args: string[];
}

const systemPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
/** Every launch needs these here: the tests run as root in a container. */
const baseArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'];
/** The npm build has no zygote helper. (`--single-process` too would close the browser with its first context.) */
const packagedArgs = ['--no-zygote'];

export function systemChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  return systemPaths.find((file) => fs.existsSync(file));
}

export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<TestChromium> {
  const system = systemChromium(env);
  if (system) return { executablePath: system, args: [...baseArgs, ...(env.CHROMIUM_ARGS ? env.CHROMIUM_ARGS.split(' ') : [])] };
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error('No Chromium found for the browser tests: install Chrome or Chromium, or set CHROMIUM_PATH.');
  }
  const { default: packaged } = (await import('@sparticuz/chromium')) as { default: { executablePath(): Promise<string> } };
  return { executablePath: await packaged.executablePath(), args: [...baseArgs, ...packagedArgs] };
}
