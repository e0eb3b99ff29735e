// The frame of the pages reached without a login (the login page, the password reset page): the
// brand, the language switch and one main column.
import type { ReactNode } from 'react';
import { LanguageSwitch } from './LanguageSwitch';

export function PublicPage({ children }: { children: ReactNode }) {
  return (
    <div className="utrecht-page mk-page mk-page--narrow">
      <header className="utrecht-page-header mk-header">
        <span className="mk-brand">meekijk</span>
        <LanguageSwitch />
      </header>
      <div className="utrecht-page-content">
        <main id="main">{children}</main>
      </div>
    </div>
  );
}
