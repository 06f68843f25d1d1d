import type { ReactNode } from 'react';

interface AlertProps {
  tone: 'error' | 'success' | 'info';
  testId: string;
  children: ReactNode;
}

/** A message above a form or page; errors are announced at once, the rest politely. */
export function Alert({ tone, testId, children }: AlertProps) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </div>
  );
}
