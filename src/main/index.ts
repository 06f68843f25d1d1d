import { startDesktop } from './electron/desktop-app';

// The Electron entry (out/main/index.js). Everything it runs is in src/main/electron/;
// the core under it knows nothing of Electron.
startDesktop();
