// Photos and PDFs for a consult: dropped onto the drop zone, chosen from files, or taken with the
// tablet's camera; each shown as a preview that can be removed again before it is uploaded.
import { Button as UtrechtButton } from '@utrecht/component-library-react';
import { useEffect, useId, useMemo } from 'react';
import { DropZone, FileTrigger, Button, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

const kAcceptedTypes = ['image/jpeg', 'image/png', 'application/pdf'];
const kAcceptAttribute = 'image/*,application/pdf';

function isAccepted(file: File): boolean {
  // Browsers leave the type empty for some files; the server checks the bytes anyway.
  return file.type === '' || kAcceptedTypes.includes(file.type) || file.type.startsWith('image/');
}

function Preview({ file, onRemove }: { file: File; onRemove: () => void }) {
  const { t } = useTranslation();
  const url = useMemo(() => (file.type.startsWith('image/') ? URL.createObjectURL(file) : null), [file]);
  useEffect(() => () => { if (url) URL.revokeObjectURL(url); }, [url]);
  return (
    <li className="mk-preview">
      {url ? (
        <img src={url} alt={t('attachments.previewOf', { name: file.name })} className="mk-preview__image" />
      ) : (
        <span className="mk-preview__pdf" aria-hidden="true">PDF</span>
      )}
      <span className="mk-preview__name">{file.name}</span>
      <span className="mk-preview__size">{t('attachments.size', { kb: Math.ceil(file.size / 1024) })}</span>
      <UtrechtButton appearance="subtle-button" type="button" onClick={onRemove}>
        {t('attachments.remove', { name: file.name })}
      </UtrechtButton>
    </li>
  );
}

export function AttachmentPicker({ files, onChange }: { files: File[]; onChange: (files: File[]) => void }) {
  const { t } = useTranslation();
  const add = (added: File[]) => onChange([...files, ...added.filter(isAccepted)]);
  const addList = (list: FileList | null) => add(list ? Array.from(list) : []);
  const labelId = useId();

  return (
    <div className="mk-attachments" role="group" aria-labelledby={labelId}>
      <span id={labelId} className="utrecht-form-label">{t('attachments.label')}</span>
      <DropZone
        className="mk-dropzone"
        getDropOperation={(types) => (kAcceptedTypes.some((type) => types.has(type)) || types.has('image/*') ? 'copy' : 'cancel')}
        onDrop={async (event) => {
          const dropped: File[] = [];
          for (const item of event.items) {
            if (item.kind === 'file') dropped.push(await item.getFile());
          }
          add(dropped);
        }}
        aria-label={t('attachments.dropLabel')}
      >
        <Text slot="label">{t('attachments.drop')}</Text>
      </DropZone>
      <div className="mk-attachments__buttons">
        <FileTrigger acceptedFileTypes={[kAcceptAttribute]} allowsMultiple onSelect={addList}>
          <Button className="utrecht-button utrecht-button--secondary-action">{t('attachments.choose')}</Button>
        </FileTrigger>
        <FileTrigger acceptedFileTypes={['image/*']} defaultCamera="environment" onSelect={addList}>
          <Button className="utrecht-button utrecht-button--secondary-action">{t('attachments.camera')}</Button>
        </FileTrigger>
      </div>
      {files.length > 0 && (
        <ul className="mk-previews" aria-label={t('attachments.pending')}>
          {files.map((file, index) => (
            <Preview key={`${file.name}-${index}`} file={file} onRemove={() => onChange(files.filter((_, i) => i !== index))} />
          ))}
        </ul>
      )}
    </div>
  );
}
