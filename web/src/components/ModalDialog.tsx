// A modal dialog (React Aria: focus trapped, Escape closes, focus returns to the opener) with a
// heading and a close button, opened by the trigger given as the first child.
import { Button as UtrechtButton } from '@utrecht/component-library-react';
import type { ReactElement, ReactNode } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

export function ModalDialog({ trigger, title, children, wide }: {
  trigger: ReactElement;
  title: string;
  children: ReactNode;
  wide?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <DialogTrigger>
      {trigger}
      <ModalOverlay className="mk-modal-overlay" isDismissable>
        <Modal className={wide ? 'mk-modal mk-modal--wide' : 'mk-modal'}>
          <Dialog className="mk-dialog">
            {({ close }) => (
              <>
                <div className="mk-dialog__header">
                  {/* One h2: react-aria's, which names the dialog, styled as the design system's. */}
                  <Heading slot="title" level={2} className="utrecht-heading-2 mk-dialog__title">
                    {title}
                  </Heading>
                  <UtrechtButton appearance="secondary-action-button" type="button" onClick={close}>
                    {t('common.close')}
                  </UtrechtButton>
                </div>
                {children}
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
