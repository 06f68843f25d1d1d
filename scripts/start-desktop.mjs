// `npm start`: build the app, then open it in Electron.
//
// Electron's own binary is a download from GitHub, fetched lazily the first time. Where it
// cannot be fetched (no internet, a blocked proxy) this script says so in one line and
// points to `npm run host`, which serves the same app to a browser.
//
// Usage: npm start [-- --no-build] [-- <arguments for the app, e.g. --data-dir=./office>]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(appDir, 'package.json'));
const installTimeoutMs = 60_000;
const missingBinaryLine =
  'Meras Desk: the Electron binary is missing and could not be downloaded — run `npm run host` to open the same app in your browser.';

const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
const appArgs = args.filter((arg) => arg !== '--no-build');

if (!skipBuild) build();

let electronBinary = findElectronBinary();
if (!electronBinary) {
  tryInstallElectron();
  electronBinary = findElectronBinary();
}
if (!electronBinary) {
  console.error(missingBinaryLine);
  process.exit(1);
}
launch(electronBinary, [appDir, ...appArgs]);

function build() {
  const cli = path.join(path.dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: appDir, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('Meras Desk: the build failed (see above).');
    process.exit(result.status ?? 1);
  }
}

function electronDir() {
  return path.dirname(require.resolve('electron/package.json'));
}

/** Where electron/install.js puts the executable, without the download `require('electron')` may start. */
function findElectronBinary() {
  const dir = electronDir();
  const pathFile = path.join(dir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : platformExecutable();
  if (!relative) return undefined;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(dir, 'dist');
  const binary = path.join(distDir, relative);
  return fs.existsSync(binary) ? binary : undefined;
}

function platformExecutable() {
  switch (process.platform) {
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    case 'linux':
    case 'freebsd':
    case 'openbsd':
      return 'electron';
    default:
      return undefined;
  }
}

/** One attempt at Electron's own download, bounded in time; its output is kept quiet. */
function tryInstallElectron() {
  const verbose = Boolean(process.env.MERAS_DEBUG);
  spawnSync(process.execPath, [path.join(electronDir(), 'install.js')], {
    cwd: appDir,
    stdio: verbose ? 'inherit' : 'ignore',
    timeout: installTimeoutMs,
    killSignal: 'SIGKILL',
  });
}

function launch(binary, launchArgs) {
  const env = { ...process.env };
  // Set by some tools; it would make Electron run as plain Node instead of opening the app.
  delete env.ELECTRON_RUN_AS_NODE;
  // The caller's working folder, so a relative --data-dir means what it says.
  const child = spawn(binary, launchArgs, { stdio: 'inherit', env, windowsHide: false });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('error', (error) => {
    console.error(`Meras Desk: Electron could not start (${error.message}) — run \`npm run host\` to open the same app in your browser.`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
