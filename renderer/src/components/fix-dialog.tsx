import { Dialog } from '@fluentui/react-components';
import { useState } from 'react';
import { type FixDialogRequest, useFixStore } from '../state/fix-store';
import { FixDialogSurface } from './fix-dialog-surface';

/** The one confirmation dialog for fixes, opened by any "Run fix…" button (modal, Escape closes). */
export function FixDialog() {
  const request = useFixStore((s) => s.dialog);
  const close = useFixStore((s) => s.closeDialog);
  // While the dialog animates closed it keeps showing the fix it was opened for; each opening
  // gets a new key, so the typed confirmation starts empty every time.
  const [shown, setShown] = useState<{ request: FixDialogRequest; key: number } | null>(null);
  if (request && shown?.request !== request) setShown({ request, key: (shown?.key ?? 0) + 1 });
  // Nothing to show before the first "Run fix…".
  if (!shown) return null;
  return (
    <Dialog
      open={request !== null}
      modalType="modal"
      onOpenChange={(_, data) => {
        if (!data.open) close();
      }}
    >
      <FixDialogSurface key={shown.key} fixId={shown.request.fixId} checkId={shown.request.checkId} />
    </Dialog>
  );
}
