import type { Logger } from '../base/logger';

/**
 * Whether the desktop app runs in demo mode. An installed (packaged) app never does: demo
 * data comes with a published password, and an installed app writes into the office's real
 * data folder.
 */
export function demoMode(options: { argv: readonly string[]; isPackaged: boolean; logger: Logger }): boolean {
  if (!options.argv.includes('--demo')) return false;
  if (!options.isPackaged) return true;
  options.logger.warn('--demo is ignored by the installed app: demo data (with its published password) never goes into a real data folder');
  return false;
}
