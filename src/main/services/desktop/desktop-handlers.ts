import type { desktopChannels } from '../../../shared/desktop/contract';
import { signedIn, type HandlerMap } from '../../rpc/handler-map';
import type { DesktopService } from './desktop-service';

/** Binds the desktop slice's channels to its service (admins only, by the contract). */
export function desktopHandlers(s: { desktop: DesktopService }): HandlerMap<typeof desktopChannels> {
  return {
    'desktop.settings': () => s.desktop.settings(),
    'desktop.updateSettings': (input, { caller }) => s.desktop.update(signedIn(caller), input),
  };
}
