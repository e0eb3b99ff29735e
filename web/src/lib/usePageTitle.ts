// Each screen names itself in the browser tab and to screen readers (WCAG 2.4.2).
import { useEffect } from 'react';

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – meekijk`;
  }, [title]);
}
