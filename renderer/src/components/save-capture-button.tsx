import { Button } from '@fluentui/react-components';
import { saveCapture } from '../state/run-actions';
import { useRunStore } from '../state/run-store';

/** Saves the probes' raw output behind the checklist on screen, to attach to a ticket or open elsewhere. */
export function SaveCaptureButton() {
  const disabled = useRunStore((s) => s.running || s.report === null);
  return (
    <Button disabled={disabled} onClick={() => void saveCapture()}>
      Save capture
    </Button>
  );
}
