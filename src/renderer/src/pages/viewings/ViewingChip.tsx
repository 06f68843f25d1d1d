import type { CSSProperties, KeyboardEvent } from 'react';
import type { ViewingView } from '../../../../shared/viewings/types';
import { useT } from '../../i18n/use-t';
import { clockText, minutesOf } from './calendar-dates';
import { statusLabel } from './viewing-labels';

/** A viewing on the calendar: dragged to move, Enter to open, Shift+arrows to move by keyboard. */
export function ViewingChip({
  viewing,
  style,
  movable,
  onOpen,
  onKeyDown,
}: {
  viewing: ViewingView;
  style?: CSSProperties;
  movable: boolean;
  onOpen(viewing: ViewingView): void;
  onKeyDown(event: KeyboardEvent<HTMLButtonElement>, viewing: ViewingView): void;
}) {
  const t = useT();
  const start = viewing.officeTime;
  const end = clockText(minutesOf(start) + viewing.durationMinutes);
  const customer = viewing.contact.name ?? viewing.contact.phone ?? '';
  const label = [`${start}–${end}`, viewing.property.name, customer, viewing.agent.name, statusLabel(t, viewing.status)].join(' · ');
  return (
    <button
      type="button"
      className={`viewing-chip viewing-chip-${viewing.status}`}
      style={style}
      draggable={movable}
      onDragStart={(event) => {
        event.dataTransfer.setData('application/x-meras-viewing', String(viewing.id));
        event.dataTransfer.effectAllowed = 'move';
      }}
      onClick={() => onOpen(viewing)}
      onKeyDown={(event) => onKeyDown(event, viewing)}
      aria-label={label}
      title={label}
      data-viewing-id={viewing.id}
      data-testid={`calendar-viewing-${viewing.id}`}
    >
      <span className="viewing-chip-time">
        <bdi>{start}</bdi>
      </span>
      <span className="viewing-chip-title">{viewing.property.name}</span>
      <span className="viewing-chip-meta">
        <bdi>{customer}</bdi> · {viewing.agent.name}
      </span>
    </button>
  );
}
