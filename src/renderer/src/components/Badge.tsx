import type { ReactNode } from 'react';

export type BadgeTone = 'green' | 'gray' | 'red' | 'amber' | 'blue';

export function Badge({ tone, children, dot = false, testId }: { tone: BadgeTone; children: ReactNode; dot?: boolean; testId?: string | undefined }) {
  return (
    <span className={`badge badge-${tone}`} data-testid={testId}>
      {dot ? <span className="badge-dot" aria-hidden="true" /> : null}
      {children}
    </span>
  );
}
