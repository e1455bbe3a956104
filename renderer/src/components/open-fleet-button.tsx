import { Button } from '@fluentui/react-components';
import { useRef } from 'react';
import { openFleetFiles } from '../state/fleet-actions';
import { useFleetStore } from '../state/fleet-store';

/** "Open fleet…": many captures or reports at once, one row per device in the fleet view. */
export function OpenFleetButton() {
  const input = useRef<HTMLInputElement>(null);
  const loading = useFleetStore((s) => s.loading !== null);
  const fleetOpen = useFleetStore((s) => s.open);
  const hasFleet = useFleetStore((s) => s.files.length > 0 || s.failures.length > 0);
  const show = useFleetStore((s) => s.show);
  return (
    <>
      {/* Back from a device opened out of the fleet, without reading the files again. */}
      {hasFleet && !fleetOpen && <Button onClick={show}>Back to the fleet</Button>}
      <Button disabled={loading} onClick={() => input.current?.click()}>
        Open fleet…
      </Button>
      <input
        ref={input}
        type="file"
        multiple
        accept=".json,.gz,application/json,application/gzip"
        hidden
        aria-label="Capture or report files of the fleet"
        data-testid="fleet-file-input"
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          // Clear it, so choosing the same files again reads them again.
          event.currentTarget.value = '';
          if (files.length > 0) void openFleetFiles(files);
        }}
      />
    </>
  );
}
