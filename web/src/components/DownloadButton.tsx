// A button that fetches a file from the server and hands it to the browser under a name of our
// choosing; while it runs it is busy, afterwards it says in a polite status line what was saved,
// and a refusal is the server's sentence right beside it (a link could only download the error).
import { Button } from '@utrecht/component-library-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../lib/download';
import { useAction } from '../lib/useAction';
import { ActionError } from './ActionError';

export function DownloadButton({ fetchFile, fileName, children }: {
  fetchFile: () => Promise<Blob>;
  fileName: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const action = useAction();
  const [saved, setSaved] = useState<string | null>(null);
  const download = () => action.run(async () => {
    setSaved(null);
    saveBlob(await fetchFile(), fileName);
    setSaved(t('download.saved', { file: fileName }));
  });
  return (
    <div className="mk-action">
      <Button type="button" appearance="secondary-action-button" busy={action.busy} onClick={() => void download()}>
        {children}
      </Button>
      <ActionError message={action.error} />
      <p role="status" className="utrecht-paragraph mk-hint mk-notice">{saved}</p>
    </div>
  );
}
