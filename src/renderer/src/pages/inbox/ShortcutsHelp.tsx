import { Fragment } from 'react';
import { FindIcon } from '../../components/find-icons';
import type { MessageKey } from '../../i18n/dictionary';
import { useT } from '../../i18n/use-t';

export const shortcutsPopoverId = 'inbox-shortcuts';

/** Ctrl on Windows and Linux, ⌘ on a Mac: the same shortcut, named as the keyboard shows it. */
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const modKey = isMac ? '⌘' : 'Ctrl';
const mod = modKey;
const alt = isMac ? '⌥' : 'Alt';

const shortcuts: { keys: string[][]; label: MessageKey }[] = [
  { keys: [[alt, '↓']], label: 'find.keyNext' },
  { keys: [[alt, '↑']], label: 'find.keyPrevious' },
  { keys: [[mod, 'K'], ['/']], label: 'find.keySearch' },
  { keys: [['Esc']], label: 'find.keyClearSearch' },
  { keys: [['Enter'], [mod, 'Enter']], label: 'find.keySend' },
  { keys: [['Shift', 'Enter']], label: 'find.keyNewLine' },
  { keys: [['?']], label: 'find.keyHelp' },
];

/** The "?" button and its popover (the browser's own: light dismiss, Escape closes it). */
export function ShortcutsHelp() {
  const t = useT();
  return (
    <>
      <button
        type="button"
        className="button button-ghost icon-button"
        popoverTarget={shortcutsPopoverId}
        aria-label={t('find.shortcuts')}
        title={t('find.shortcutsButton')}
        aria-keyshortcuts="?"
        data-testid="inbox-shortcuts-button"
      >
        <FindIcon name="keyboard" />
      </button>
      <div id={shortcutsPopoverId} popover="auto" className="shortcuts-popover" role="dialog" aria-labelledby={`${shortcutsPopoverId}-title`} data-testid="inbox-shortcuts">
        <h2 className="shortcuts-title" id={`${shortcutsPopoverId}-title`}>
          {t('find.shortcuts')}
        </h2>
        <dl className="shortcuts-list">
          {shortcuts.map((shortcut) => (
            <div key={shortcut.label} className="shortcuts-item">
              <dt>{t(shortcut.label)}</dt>
              <dd className="latin">
                {shortcut.keys.map((combo, i) => (
                  <Fragment key={combo.join('+')}>
                    {i > 0 ? <span className="shortcuts-or">{t('find.or')}</span> : null}
                    {combo.map((key, j) => (
                      <Fragment key={key}>
                        {j > 0 ? '+' : null}
                        <kbd>{key}</kbd>
                      </Fragment>
                    ))}
                  </Fragment>
                ))}
              </dd>
            </div>
          ))}
        </dl>
      </div>
    </>
  );
}
