import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ConversationView } from '../../../../shared/inbox/types';
import { Icon } from '../../components/icons';
import { useT } from '../../i18n/use-t';
import { TemplatePicker } from './TemplatePicker';

/** The composer's "Templates" button; Ctrl+/ (Cmd+/ on a Mac) opens the same picker from anywhere in the thread. */
export function TemplateButton({ conversation, disabled }: { conversation: ConversationView; disabled: boolean }) {
  const t = useT();
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (disabled) return;
    function onKeyDown(event: KeyboardEvent) {
      // A dialog already open keeps the keyboard.
      if (event.defaultPrevented || event.isComposing || document.querySelector('dialog[open]')) return;
      // `code` too: on an Arabic keyboard the same key types ظ.
      if (!(event.ctrlKey || event.metaKey) || !(event.key === '/' || event.code === 'Slash')) return;
      event.preventDefault();
      setOpen(true);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [disabled]);

  return (
    <>
      <button
        type="button"
        className="button button-secondary composer-templates"
        onClick={() => setOpen(true)}
        disabled={disabled}
        title={t('templates.pickShortcut')}
        aria-keyshortcuts="Control+/ Meta+/"
        data-testid="composer-templates"
      >
        <Icon name="template" />
        <span>{t('templates.pick')}</span>
      </button>
      {open
        ? createPortal(
            // The button sits inside the composer's <form>: the picker's own form must neither nest in it
            // (the browser would submit the page) nor let its submit reach the composer (React bubbles through portals).
            <div className="template-picker-layer" onSubmit={(event) => event.stopPropagation()}>
              <TemplatePicker conversation={conversation} onClose={() => setOpen(false)} />
            </div>,
            document.body,
          )
        : null}
    </>
  );
}
