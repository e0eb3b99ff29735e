// A consult's attachments: images as thumbnails that open zoomable in a dialog, PDFs viewable in
// a dialog (the browser's own viewer in an iframe), each also downloadable.
import { Button as UtrechtButton, Heading2 } from '@utrecht/component-library-react';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../components/ModalDialog';
import { attachmentUrl, type Attachment } from '../api';

const kZoomSteps = [0.5, 0.75, 1, 1.5, 2, 3];

function ZoomableImage({ attachment }: { attachment: Attachment }) {
  const { t } = useTranslation();
  const [step, setStep] = useState(2);
  const zoom = kZoomSteps[step] ?? 1;
  return (
    <>
      <div className="mk-zoom-controls" role="group" aria-label={t('attachments.zoom')}>
        <UtrechtButton appearance="secondary-action-button" type="button" disabled={step === 0} onClick={() => setStep(step - 1)}>
          {t('attachments.zoomOut')}
        </UtrechtButton>
        <span aria-live="polite">{Math.round(zoom * 100)}%</span>
        <UtrechtButton appearance="secondary-action-button" type="button" disabled={step === kZoomSteps.length - 1} onClick={() => setStep(step + 1)}>
          {t('attachments.zoomIn')}
        </UtrechtButton>
        <a className="utrecht-link" href={attachmentUrl(attachment.id, true)}>{t('attachments.download')}</a>
      </div>
      <div className="mk-zoom-frame" tabIndex={0} aria-label={attachment.filename}>
        <img src={attachmentUrl(attachment.id)} alt={attachment.filename} style={{ width: `${zoom * 100}%` }} />
      </div>
    </>
  );
}

// The browser's own PDF viewer in a same-origin frame; the links also work where framing is refused.
function PdfViewer({ attachment }: { attachment: Attachment }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="mk-zoom-controls">
        <a className="utrecht-link" href={attachmentUrl(attachment.id)} target="_blank" rel="noopener">
          {t('attachments.openInTab')}
        </a>
        <a className="utrecht-link" href={attachmentUrl(attachment.id, true)}>{t('attachments.download')}</a>
      </div>
      <iframe className="mk-pdf-frame" title={attachment.filename} src={attachmentUrl(attachment.id)} />
    </>
  );
}

export function AttachmentList({ attachments }: { attachments: readonly Attachment[] }) {
  const { t } = useTranslation();
  if (attachments.length === 0) return null;
  return (
    <section aria-labelledby="attachments-heading" className="mk-attachment-list">
      <Heading2 id="attachments-heading">{t('attachments.title')}</Heading2>
      <ul className="mk-thumbnails">
        {attachments.map((attachment) => {
          const isImage = attachment.content_type.startsWith('image/');
          return (
            <li key={attachment.id} className="mk-thumbnail">
              <ModalDialog
                title={attachment.filename}
                wide
                trigger={
                  <Button className="mk-thumbnail__button" aria-label={t(isImage ? 'attachments.openImage' : 'attachments.openPdf', { name: attachment.filename })}>
                    {isImage ? (
                      <img src={attachmentUrl(attachment.id)} alt="" className="mk-thumbnail__image" />
                    ) : (
                      <span className="mk-preview__pdf" aria-hidden="true">PDF</span>
                    )}
                    <span className="mk-thumbnail__name" aria-hidden="true">{attachment.filename}</span>
                  </Button>
                }
              >
                {isImage ? <ZoomableImage attachment={attachment} /> : <PdfViewer attachment={attachment} />}
              </ModalDialog>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
