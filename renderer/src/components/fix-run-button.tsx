import { Button, useRestoreFocusTarget } from '@fluentui/react-components';
import type { CheckId, FixId } from '../../../electron/engine/types';
import { useFixStore } from '../state/fix-store';
import { useRunStore } from '../state/run-store';

interface FixRunButtonProps {
  fixId: FixId;
  checkId: CheckId;
  /** The id of the fix's title, so screen readers hear which fix this button runs. */
  describedBy: string;
}

/** "Run fix…": opens the confirmation dialog; nothing runs before the person confirms there. */
export function FixRunButton({ fixId, checkId, describedBy }: FixRunButtonProps) {
  const running = useRunStore((s) => s.running);
  const openDialog = useFixStore((s) => s.openDialog);
  // Escape or Cancel in the dialog brings focus back here.
  const restoreFocus = useRestoreFocusTarget();
  return (
    <Button
      {...restoreFocus}
      disabled={running}
      aria-describedby={describedBy}
      aria-haspopup="dialog"
      onClick={() => openDialog({ fixId, checkId })}
    >
      Run fix…
    </Button>
  );
}
