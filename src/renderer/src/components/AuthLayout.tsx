import type { ReactNode } from 'react';
import { LanguageToggle } from './LanguageToggle';
import { Brand } from './Brand';
import { ConnectionFingerprint, InsecureConnectionBanner } from './ConnectionNotice';

/** The frame of the pages before sign-in: brand, language switch, one centred card. */
export function AuthLayout({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <div className="auth-screen">
      <div className="auth-topbar">
        <LanguageToggle />
      </div>
      <main className="auth-card">
        <Brand large />
        <h1 className="auth-title">{title}</h1>
        {intro ? <p className="auth-intro">{intro}</p> : null}
        {children}
      </main>
      <ConnectionFingerprint />
      <InsecureConnectionBanner />
    </div>
  );
}
