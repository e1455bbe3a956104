import { Button } from '@fluentui/react-components';
import { useAppInfoStore } from '../state/app-info-store';
import { openSource } from '../state/run-actions';
import { useRunStore } from '../state/run-store';

/** Checks the device the app runs on; only offered where live checks are possible (Windows desktop app). */
export function LiveButton() {
  const liveSupported = useAppInfoStore((s) => s.info?.liveSupported === true);
  const running = useRunStore((s) => s.running);
  if (!liveSupported) return null;
  return (
    <Button disabled={running} onClick={() => void openSource({ kind: 'live' })}>
      Check this device
    </Button>
  );
}
