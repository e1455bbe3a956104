import { Button, Dialog, useRestoreFocusTarget } from '@fluentui/react-components';
import { useState } from 'react';
import { useRunStore } from '../state/run-store';
import { ExportDialogSurface } from './export-dialog-surface';

/** "Export…": a report or the ticket summary of the checklist on screen, redacted by default. */
export function ExportButton() {
  const disabled = useRunStore((s) => s.running || s.report === null);
  const [open, setOpen] = useState(false);
  // Each opening starts from the defaults (HTML, redacted), whatever was chosen last time.
  const [opening, setOpening] = useState(0);
  // The dialog's focus comes back here when it closes.
  const restoreFocusTarget = useRestoreFocusTarget();
  return (
    <>
      <Button
        {...restoreFocusTarget}
        disabled={disabled}
        onClick={() => {
          setOpening((n) => n + 1);
          setOpen(true);
        }}
      >
        Export…
      </Button>
      {/* Mounted from the first opening on: a closed dialog still adds focus-trap helpers to the page. */}
      {opening > 0 && (
        <Dialog open={open} modalType="modal" onOpenChange={(_, data) => setOpen(data.open)}>
          <ExportDialogSurface key={opening} onSaved={() => setOpen(false)} />
        </Dialog>
      )}
    </>
  );
}
