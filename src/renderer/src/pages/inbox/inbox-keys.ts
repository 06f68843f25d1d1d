import { neighbourConversation } from '../../stores/conversations-store';
import { openConversation } from '../../stores/inbox-actions';
import { useThreadStore } from '../../stores/thread-store';
import { inboxSearchId } from './InboxFilters';
import { shortcutsPopoverId } from './ShortcutsHelp';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches('input, textarea, select');
}

function focusSearch(): void {
  const input = document.getElementById(inboxSearchId);
  if (input instanceof HTMLInputElement) {
    input.focus();
    input.select();
  }
}

/**
 * The inbox's keyboard: Alt+↓ / Alt+↑ next and previous conversation (also from the composer),
 * Ctrl/Cmd+K or "/" the search, "?" the shortcuts list. Keys are also read by their place
 * (`code`), so they work with the Arabic keyboard layout on too.
 */
export function watchInboxKeys(): () => void {
  function onKeyDown(event: KeyboardEvent) {
    if (event.defaultPrevented || event.isComposing) return;
    // A modal dialog has the keyboard.
    if (document.querySelector('dialog[open]')) return;
    const typing = isTyping(event.target);
    const mod = event.ctrlKey || event.metaKey;
    if (mod && !event.altKey && (event.code === 'KeyK' || event.key.toLowerCase() === 'k')) {
      event.preventDefault();
      focusSearch();
      return;
    }
    if (event.altKey && !mod && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const openId = useThreadStore.getState().conversation?.id ?? null;
      const next = neighbourConversation(openId, event.key === 'ArrowDown' ? 1 : -1);
      if (next) openConversation(next);
      return;
    }
    if (typing || mod || event.altKey) return;
    if (event.key === '?' || event.key === '؟') {
      event.preventDefault();
      document.getElementById(shortcutsPopoverId)?.togglePopover();
    } else if (event.key === '/' || (event.code === 'Slash' && !event.shiftKey)) {
      event.preventDefault();
      focusSearch();
    }
  }
  window.addEventListener('keydown', onKeyDown);
  return () => window.removeEventListener('keydown', onKeyDown);
}
