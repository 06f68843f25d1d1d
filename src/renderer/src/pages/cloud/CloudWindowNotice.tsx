import { useEffect, useState } from 'react';
import type { ServiceWindowView } from '../../../../shared/cloud/types';
import type { ConversationView } from '../../../../shared/inbox/types';
import { call, onEvent } from '../../api/client';
import { useOfficeFormat } from '../../format/use-office-format';
import { useT } from '../../i18n/use-t';
import { findNumber, useNumbersStore } from '../../stores/numbers-store';
import { CloudTemplatePicker } from './CloudTemplatePicker';

/**
 * Above the composer of a Cloud API conversation: when the customer has been silent for 24 hours
 * the composer says so and offers the approved templates; inside the window, when it closes.
 */
export function CloudWindowNotice({ conversation }: { conversation: ConversationView }) {
  const t = useT();
  const format = useOfficeFormat();
  const [window, setWindow] = useState<ServiceWindowView | null>(null);
  // Only Cloud API numbers have a window: others ask nothing.
  const cloud = useNumbersStore((state) => findNumber(state.numbers, conversation.whatsappNumberId)?.provider === 'cloud');
  useEffect(() => {
    if (!cloud) return;
    let live = true;
    const read = () =>
      void call('cloud.window', { conversationId: conversation.id })
        .then((next) => live && setWindow(next))
        .catch(() => undefined);
    read();
    // The customer's next message opens the window again.
    const stop = onEvent('message.new', ({ conversationId }) => conversationId === conversation.id && read());
    return () => {
      live = false;
      stop();
    };
  }, [conversation.id, cloud]);
  if (!cloud || !window?.cloud) return null;
  if (window.open) {
    return window.closesAt ? (
      <p className="muted cloud-window-open" data-testid="cloud-window-open">
        {t('cloud.window.closesAt', { time: format.formatDateTime(window.closesAt) })}
      </p>
    ) : null;
  }
  return (
    <div className="cloud-window-notice" role="status" data-testid="cloud-window-closed">
      <p>{t('cloud.window.closed')}</p>
      <CloudTemplatePicker conversation={conversation} />
    </div>
  );
}
