import { Dialog } from '@fluentui/react-components';
import { useRef } from 'react';
import { type FixDialogRequest, useFixStore } from '../state/fix-store';
import { FixDialogSurface } from './fix-dialog-surface';

let opened = 0;

/** The one confirmation dialog for fixes, opened by any "Run fix…" button (modal, Escape closes). */
export function FixDialog() {
  const request = useFixStore((s) => s.dialog);
  const close = useFixStore((s) => s.closeDialog);
  // While the dialog animates closed it keeps showing the fix it was opened for.
  const shown = useRef<{ request: FixDialogRequest; key: number } | null>(null);
  if (request && shown.current?.request !== request) shown.current = { request, key: ++opened };
  const current = shown.current;
  // Nothing to show before the first "Run fix…".
  if (!current) return null;
  return (
    <Dialog
      open={request !== null}
      modalType="modal"
      onOpenChange={(_, data) => {
        if (!data.open) close();
      }}
    >
      <FixDialogSurface key={current.key} fixId={current.request.fixId} checkId={current.request.checkId} />
    </Dialog>
  );
}
