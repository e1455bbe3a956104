import type { ScenarioAction } from '@contract/scenario-actions';
import type { CheckId } from '@contract/types';
import { Button, Spinner } from '@fluentui/react-components';
import { requestFix } from '../state/fix-actions';
import { useFixStore } from '../state/fix-store';
import { useRunStore } from '../state/run-store';

interface SimulateButtonProps {
  action: ScenarioAction;
  /** The row it sits in, or null outside the rows. */
  checkId: CheckId | null;
  label: string;
  describedBy?: string;
  size?: 'small' | 'medium';
}

/** Practice only: moves the scenario as if the person (or an admin) had done this step. */
export function SimulateButton({ action, checkId, label, describedBy, size }: SimulateButtonProps) {
  const running = useRunStore((s) => s.running);
  const busy = useFixStore((s) => s.busy === action);
  return (
    <Button
      size={size}
      disabled={running}
      aria-describedby={describedBy}
      icon={busy ? <Spinner size="extra-tiny" aria-hidden="true" /> : undefined}
      onClick={() => void requestFix({ action }, checkId)}
    >
      {label}
    </Button>
  );
}
