import type { ReactNode } from 'react';

export function Badge({ tone, children }: { tone: 'green' | 'gray' | 'red'; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
