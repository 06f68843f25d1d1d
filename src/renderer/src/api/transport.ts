import type { EventName } from '../../../shared/contract';
import type { ApiError, ApiResult } from '../../../shared/errors';

/** How the renderer reaches the core: Electron IPC or the host's WebSocket. Nothing else differs. */
export interface Transport {
  call(channel: string, input: unknown, token: string | undefined): Promise<ApiResult<unknown>>;
  subscribe(listener: (event: EventName, data: unknown) => void): () => void;
  /** Called after a dropped connection comes back, so the app can re-check its session. */
  onReconnect?(listener: () => void): () => void;
  /** Called when the connection to the core is lost (false) or back (true); never under Electron IPC. */
  onConnectionChange?(listener: (connected: boolean) => void): () => void;
}

export function failure(code: ApiError['code'], message: string): ApiResult<never> {
  return { success: false, error: { code, message } };
}

export const connectionLost = (): ApiResult<never> => failure('SERVICE_UNAVAILABLE', 'Connection lost');
