import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

// Sandboxed preload, bundled into one CommonJS file (out/preload/index.js): it exports
// nothing and hands the page only the bridge.
contextBridge.exposeInMainWorld('meras', createBridge(ipcRenderer));
