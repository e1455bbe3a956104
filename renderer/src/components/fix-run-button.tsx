import type { CheckId, FixId } from '@contract/types';
import { Button, useRestoreFocusTarget } from '@fluentui/react-components';
import { useFixStore } from '../state/fix-store';
import { useRunStore } from '../state/run-store';

interface FixRunButtonProps {
  fixId: FixId;
  checkId: CheckId;
  /** The id of the text that says which fix this button runs, for screen readers. */
  describedBy: string;
  /** "Run fix…" in a fix card; the verdict names the fix. */
  label?: string;
  appearance?: 'primary' | 'secondary';
}

/** Opens the confirmation dialog; nothing runs before the person confirms there. */
export function FixRunButton({
  fixId,
  checkId,
  describedBy,
  label = 'Run fix…',
  appearance = 'secondary',
}: FixRunButtonProps) {
  const running = useRunStore((s) => s.running);
  const openDialog = useFixStore((s) => s.openDialog);
  // Escape or Cancel in the dialog brings focus back here.
  const restoreFocus = useRestoreFocusTarget();
  return (
    <Button
      {...restoreFocus}
      appearance={appearance}
      disabled={running}
      aria-describedby={describedBy}
      aria-haspopup="dialog"
      onClick={() => openDialog({ fixId, checkId })}
    >
      {label}
    </Button>
  );
}
