import type { ReactNode } from 'react';

export type BadgeTone = 'green' | 'gray' | 'red' | 'amber' | 'blue';

export function Badge({ tone, children, dot = false }: { tone: BadgeTone; children: ReactNode; dot?: boolean }) {
  return (
    <span className={`badge badge-${tone}`}>
      {dot ? <span className="badge-dot" aria-hidden="true" /> : null}
      {children}
    </span>
  );
}
