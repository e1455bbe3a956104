import { Button } from '@fluentui/react-components';
import { rerun } from '../state/run-actions';
import { useRunStore } from '../state/run-store';

export function RerunAllButton() {
  const disabled = useRunStore((s) => s.running || s.report === null);
  return (
    <Button appearance="primary" disabled={disabled} onClick={() => void rerun()}>
      Re-run all
    </Button>
  );
}
