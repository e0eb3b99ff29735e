// A button that copies a text to the clipboard and says, in a polite live region beside it, that it
// did. Without a clipboard (permission, an insecure origin) it selects the text on screen (`target`)
// for Ctrl+C and says that instead.
import { Button } from '@utrecht/component-library-react';
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import '../styles/copy.css';

function select(target: HTMLElement | null) {
  if (!target) return;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) {
    target.select();
    return;
  }
  const range = document.createRange();
  range.selectNodeContents(target);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

export function CopyButton({ text, target, context }: {
  text: string;
  /** Where the text is on screen, selected when the clipboard refuses. */
  target: RefObject<HTMLElement | null>;
  /** What is copied, for screen readers: the button's name goes on with it. */
  context?: string;
}) {
  const { t } = useTranslation();
  const [said, setSaid] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setSaid(t('copy.done'));
    } catch {
      select(target.current);
      setSaid(t('copy.failed'));
    }
  };
  return (
    <span className="mk-copy">
      <Button type="button" appearance="subtle-button" onClick={() => void copy()}>
        {t('copy.button')}
        {context && <span className="mk-visually-hidden"> {context}</span>}
      </Button>
      <span role="status" className="mk-copy__status">{said}</span>
    </span>
  );
}
