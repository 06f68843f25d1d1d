import type { ReactNode } from 'react';
import { Icon, type IconName } from './icons';

interface EmptyStateProps {
  icon: IconName;
  title: string;
  /** `warning` for refusals, `accent` for "nothing here yet". */
  tone: 'warning' | 'accent';
  testId: string;
  className?: string;
  children?: ReactNode;
}

/** A page with nothing to show: an icon, a title, and what to do about it. */
export function EmptyState({ icon, title, tone, testId, className, children }: EmptyStateProps) {
  return (
    <section className={className ? `empty-state ${className}` : 'empty-state'} data-testid={testId}>
      <span className={tone === 'accent' ? 'empty-state-icon empty-state-icon-accent' : 'empty-state-icon'}>
        <Icon name={icon} />
      </span>
      <h1 className="page-title">{title}</h1>
      {children}
    </section>
  );
}
