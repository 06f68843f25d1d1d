import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { conversationStatuses, type ConversationStatus } from '../../../../shared/domain';
import { conversationSorts, type ConversationSort } from '../../../../shared/inbox/schemas';
import type { PublicUser } from '../../../../shared/users/types';
import { FindIcon } from '../../components/find-icons';
import { SelectField } from '../../components/SelectField';
import { conversationStatusLabel } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { searchableQuery, type AssignedFilter, type ConversationFilters } from '../../stores/conversation-filters';
import { useConversationsStore } from '../../stores/conversations-store';
import { useNotifyStore } from '../../stores/desktop-notifications';
import { useNumbersStore } from '../../stores/numbers-store';
import { useUsersStore } from '../../stores/users-store';
import { canListUsers } from '../shell/access';
import { modKey, ShortcutsHelp } from './ShortcutsHelp';

/** The search box's id: Ctrl/Cmd+K and "/" focus it. */
export const inboxSearchId = 'inbox-search';
const searchDelayMs = 250;

/** What is typed is searched 250 ms after the last key; Enter searches at once, Escape clears. */
function SearchBox() {
  const t = useT();
  const applied = useConversationsStore((state) => state.filters.search);
  const setFilters = useConversationsStore((state) => state.setFilters);
  const [text, setText] = useState(applied);
  const pushed = useRef(applied);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  function push(value: string) {
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = undefined;
    const query = searchableQuery(value);
    pushed.current = query;
    setFilters({ search: query });
  }

  function change(value: string) {
    setText(value);
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = setTimeout(() => push(value), searchDelayMs);
  }

  // Cleared from elsewhere ("clear filters", another user signing in): the box follows.
  useEffect(() => {
    if (applied !== pushed.current) {
      pushed.current = applied;
      setText(applied);
    }
  }, [applied]);
  useEffect(() => () => clearTimeout(timer.current), []);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (text) {
        setText('');
        push('');
      } else event.currentTarget.blur();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      push(text);
    }
  }

  return (
    <div className="find-search" role="search">
      <label className="visually-hidden" htmlFor={inboxSearchId}>
        {t('find.search')}
      </label>
      <FindIcon name="search" className="icon find-search-icon" />
      <input
        id={inboxSearchId}
        type="search"
        className="input find-search-input"
        value={text}
        maxLength={100}
        placeholder={t('find.searchPlaceholder')}
        onChange={(event) => change(event.target.value)}
        onKeyDown={onKeyDown}
        autoComplete="off"
        spellCheck={false}
        aria-keyshortcuts="Control+K Meta+K /"
        data-testid="inbox-search"
      />
      {text ? (
        <button
          type="button"
          className="find-search-clear"
          onClick={() => {
            setText('');
            push('');
            document.getElementById(inboxSearchId)?.focus();
          }}
          aria-label={t('find.clearSearch')}
          title={t('find.clearSearch')}
          data-testid="inbox-search-clear"
        >
          <FindIcon name="close" className="icon icon-small" />
        </button>
      ) : (
        <kbd className="find-search-kbd" aria-hidden="true">
          {modKey} K
        </kbd>
      )}
    </div>
  );
}

/** Asks for the system's permission on the first click; the choice is remembered. */
function NotifyToggle() {
  const t = useT();
  const state = useNotifyStore((s) => s.state);
  const toggle = useNotifyStore((s) => s.toggle);
  useEffect(() => useNotifyStore.getState().refresh(), []);
  if (state === 'unsupported') return null;
  const label = state === 'on' ? t('find.notifyOff') : state === 'blocked' ? t('find.notifyBlocked') : t('find.notifyOn');
  return (
    <button
      type="button"
      className={state === 'on' ? 'button button-ghost icon-button is-on' : 'button button-ghost icon-button'}
      onClick={() => void toggle()}
      aria-pressed={state === 'on'}
      aria-label={label}
      title={label}
      disabled={state === 'blocked'}
      data-testid="inbox-notify-toggle"
      data-state={state}
    >
      <FindIcon name={state === 'on' ? 'bell' : 'bellOff'} />
    </button>
  );
}

function Chip({ pressed, onToggle, label, testId, icon }: { pressed: boolean; onToggle(): void; label: string; testId: string; icon?: 'star' | 'unread' | 'archive' }) {
  return (
    <button type="button" className={pressed ? 'chip is-on' : 'chip'} aria-pressed={pressed} onClick={onToggle} data-testid={testId}>
      {icon ? <FindIcon name={icon} filled={pressed && icon === 'star'} className="icon icon-small" /> : null}
      {label}
    </button>
  );
}

const encodeAssigned = (value: AssignedFilter): string => (value === null ? '' : typeof value === 'number' ? `user:${value}` : value);
function decodeAssigned(value: string): AssignedFilter {
  if (value === 'me' || value === 'unassigned') return value;
  if (value.startsWith('user:')) return Number(value.slice(5));
  return null;
}

/** Colleagues whose conversations one may want to see: everyone active but oneself, by name. */
function colleagues(users: PublicUser[] | null, userId: number): PublicUser[] {
  return (users ?? []).filter((u) => u.isActive && u.id !== userId).sort((a, b) => a.name.localeCompare(b.name));
}

/** A new sort starts the way people read it: newest first, most unread first, names A to Z. */
const naturalOrder: Record<ConversationSort, 'asc' | 'desc'> = { lastMessageTime: 'desc', unreadCount: 'desc', customerName: 'asc' };

const sortIcon = (filters: ConversationFilters) => (filters.sortOrder === 'desc' ? 'sortDesc' : 'sortAsc');

/** Search, filters alone or together, and the sort, above the conversation list; each change reads the first page again. */
export function InboxFilters({ user }: { user: PublicUser }) {
  const t = useT();
  const numbers = useNumbersStore((state) => state.numbers);
  const users = useUsersStore((state) => state.users);
  const filters = useConversationsStore((state) => state.filters);
  const setFilters = useConversationsStore((state) => state.setFilters);
  const mayListUsers = canListUsers(user.role);

  useEffect(() => {
    if (mayListUsers) void useUsersStore.getState().load();
  }, [mayListUsers]);

  const numberOptions = [{ value: '', label: t('inbox.allNumbers') }, ...(numbers ?? []).map((n) => ({ value: String(n.id), label: n.name }))];
  const statusOptions: { value: ConversationStatus | ''; label: string }[] = [
    { value: '', label: t('inbox.allStatuses') },
    ...conversationStatuses.map((status) => ({ value: status, label: conversationStatusLabel(t, status) })),
  ];
  const assignedOptions = [
    { value: '', label: t('find.assignedAny') },
    { value: 'me', label: t('find.assignedMe') },
    { value: 'unassigned', label: t('find.assignedNobody') },
    ...(mayListUsers ? colleagues(users, user.id).map((u) => ({ value: `user:${u.id}`, label: u.name })) : []),
  ];
  // A chosen colleague stays listed while the user list loads.
  if (typeof filters.assignedTo === 'number' && !assignedOptions.some((o) => o.value === encodeAssigned(filters.assignedTo))) {
    assignedOptions.push({ value: encodeAssigned(filters.assignedTo), label: t('find.assignedUser', { id: filters.assignedTo }) });
  }
  const sortOptions = conversationSorts.map((sort) => ({ value: sort, label: t(`find.sort.${sort}`) }));
  const orderLabel = t(`find.order.${filters.sortBy}.${filters.sortOrder}`);

  return (
    <div className="inbox-find" data-testid="inbox-filters">
      <div className="find-top">
        <SearchBox />
        <NotifyToggle />
        <ShortcutsHelp />
      </div>
      <div className="find-selects" role="group" aria-label={t('find.filtersLabel')}>
        <SelectField
          name="number"
          label={t('inbox.filterNumber')}
          hideLabel
          value={filters.numberId === null ? '' : String(filters.numberId)}
          options={numberOptions}
          onChange={(value) => setFilters({ numberId: value ? Number(value) : null })}
          testId="inbox-number-filter"
        />
        <SelectField
          name="status"
          label={t('inbox.filterStatus')}
          hideLabel
          value={filters.status ?? ''}
          options={statusOptions}
          onChange={(value) => setFilters({ status: value || null })}
          testId="inbox-status-filter"
        />
        <SelectField
          name="assignedTo"
          label={t('find.filterAssigned')}
          hideLabel
          value={encodeAssigned(filters.assignedTo)}
          options={assignedOptions}
          onChange={(value) => setFilters({ assignedTo: decodeAssigned(value) })}
          testId="inbox-assigned-filter"
        />
      </div>
      <div className="find-row">
        <div className="find-chips" role="group" aria-label={t('find.showOnly')}>
          <Chip pressed={filters.unread} onToggle={() => setFilters({ unread: !filters.unread })} label={t('find.unread')} icon="unread" testId="inbox-unread-filter" />
          <Chip pressed={filters.starred} onToggle={() => setFilters({ starred: !filters.starred })} label={t('find.starred')} icon="star" testId="inbox-starred-filter" />
          <Chip pressed={filters.archived} onToggle={() => setFilters({ archived: !filters.archived })} label={t('find.archived')} icon="archive" testId="inbox-archived-filter" />
        </div>
        <div className="find-sort">
          <span className="find-sort-label" aria-hidden="true">
            {t('find.sortShort')}
          </span>
          <SelectField
            name="sortBy"
            label={t('find.sortBy')}
            hideLabel
            value={filters.sortBy}
            options={sortOptions}
            onChange={(value: ConversationSort) => setFilters({ sortBy: value, sortOrder: naturalOrder[value] })}
            testId="inbox-sort"
          />
          <button
            type="button"
            className="button button-ghost icon-button find-order"
            onClick={() => setFilters({ sortOrder: filters.sortOrder === 'desc' ? 'asc' : 'desc' })}
            aria-label={t('find.orderToggle', { order: orderLabel })}
            title={orderLabel}
            data-testid="inbox-sort-order"
            data-order={filters.sortOrder}
          >
            <FindIcon name={sortIcon(filters)} />
          </button>
        </div>
      </div>
    </div>
  );
}
