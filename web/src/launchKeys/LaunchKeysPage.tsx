// /his-koppelingen, for coordinators (their practices) and administrators: the keys GP practices'
// HISes sign their launch links with, each with its key_id to copy (the links' iss), practice,
// when registered and whether active; registering one (its key_id and the launch address shown
// afterwards, with what a link holds) and revoking one after a confirmation. Others are told it is
// not theirs, and the server is not asked.
import { TableCell } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { CopyCode } from '../components/CopyCode';
import { KeyRegistry } from '../components/KeyRegistry';
import { usePageTitle } from '../lib/usePageTitle';
import { KeepersOnly } from '../region/KeepersOnly';
import '../styles/launch-keys.css';
import { launchKeyKeys, useLaunchKeys } from './api';
import { RegisteredKeyPanel } from './RegisteredKeyPanel';
import { RegisterKeyForm } from './RegisterKeyForm';
import { RevokeKeyButton } from './RevokeKeyButton';

export default function LaunchKeysPage() {
  const { t } = useTranslation();
  return (
    <KeepersOnly title={t('launchKeys.title')}>
      <LaunchKeys />
    </KeepersOnly>
  );
}

function LaunchKeys() {
  const { t } = useTranslation();
  usePageTitle(t('launchKeys.title'));
  return (
    <KeyRegistry
      prefix="launchKeys"
      className="mk-launch-keys"
      tableClassName="mk-launch-key-table"
      list={useLaunchKeys()}
      queryKey={launchKeyKeys.all}
      form={(registered, cancel) => <RegisterKeyForm onRegistered={registered} onCancel={cancel} />}
      registeredPanel={(key) => <RegisteredKeyPanel launchKey={key} />}
      columns={[t('launchKeys.column.practice'), t('launchKeys.column.keyId')]}
      cells={(key) => (
        <>
          <TableCell>{key.organisation.name}</TableCell>
          <TableCell>
            <CopyCode text={key.key_id} className="mk-key-id" context={t('launchKeys.keyIdOf', { name: key.name })} />
          </TableCell>
        </>
      )}
      revokeButton={(key, revoked) => <RevokeKeyButton launchKey={key} onRevoked={revoked} />}
    />
  );
}
