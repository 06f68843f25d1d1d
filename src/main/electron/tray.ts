import type { Menu, MenuItemConstructorOptions, Tray } from 'electron';

/** The tray menu's words, in the language of the computer (the app's own setting lives in the renderer). */
export function trayLabels(locale: string): { tooltip: string; open: string; quit: string } {
  return locale.toLowerCase().startsWith('ar')
    ? { tooltip: 'مراس ديسك', open: 'فتح مراس ديسك', quit: 'إنهاء' }
    : { tooltip: 'Meras Desk', open: 'Open Meras Desk', quit: 'Quit' };
}

export interface TrayDeps {
  createTray(icon: string): Tray;
  buildMenu(template: MenuItemConstructorOptions[]): Menu;
  icon: string;
  locale: string;
  onOpen(): void;
  onQuit(): void;
}

/**
 * The icon that keeps the office's numbers answering with the window closed. Returns null
 * where the desktop has no tray (some Linux desktops): the window then minimises instead.
 */
export function createAppTray(deps: TrayDeps): Tray | null {
  let tray: Tray;
  try {
    tray = deps.createTray(deps.icon);
  } catch {
    return null;
  }
  const labels = trayLabels(deps.locale);
  tray.setToolTip(labels.tooltip);
  tray.setContextMenu(
    deps.buildMenu([
      { label: labels.open, click: () => deps.onOpen() },
      { type: 'separator' },
      { label: labels.quit, click: () => deps.onQuit() },
    ]),
  );
  tray.on('click', () => deps.onOpen());
  return tray;
}
