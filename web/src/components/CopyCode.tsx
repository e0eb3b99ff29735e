// An identifier shown as code in running text or a table cell, with a copy button beside it.
import { useRef } from 'react';
import { CopyButton } from './CopyButton';

export function CopyCode({ text, className, context }: {
  text: string;
  className?: string;
  /** What is copied, for screen readers: "client_id van Medicom Kralingen". */
  context: string;
}) {
  const code = useRef<HTMLElement>(null);
  return (
    <>
      <code ref={code} className={className}>{text}</code>{' '}
      <CopyButton text={text} target={code} context={context} />
    </>
  );
}
