import type { ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import { Icon } from './icons';
import { LanguageToggle } from './LanguageToggle';

/** The frame of the pages before sign-in: brand, language switch, one centred card. */
export function AuthLayout({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  const t = useT();
  return (
    <div className="auth-screen">
      <div className="auth-topbar">
        <LanguageToggle />
      </div>
      <main className="auth-card">
        <div className="brand brand-large">
          <span className="brand-mark">
            <Icon name="chat" />
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <h1 className="auth-title">{title}</h1>
        {intro ? <p className="auth-intro">{intro}</p> : null}
        {children}
      </main>
    </div>
  );
}
