import type { CheckId } from '@contract/types';
import { AdminOutputPaste } from './admin-output-paste';
import { ShareTest } from './share-test';

/** The extra tool some rows carry in their detail panel: the share test, the admin's pasted output. */
export function CheckTools({ checkId }: { checkId: CheckId }) {
  if (checkId === 'file-share') return <ShareTest />;
  if (checkId === 'entra-kerberos-keys') return <AdminOutputPaste />;
  return null;
}
