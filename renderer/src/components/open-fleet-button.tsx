import { Button } from '@fluentui/react-components';
import { useRef } from 'react';
import { openFleetFiles } from '../state/fleet-actions';
import { useFleetStore } from '../state/fleet-store';

/** What a fleet folder holds that is read: captures and reports, plain or gzipped (as `fleet` reads). */
const FLEET_FILE = /\.json(\.gz)?$/i;

/** "Open fleet…" (files) and "Open folder…" (every capture and report under it), one row per device. */
export function OpenFleetButton() {
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const loading = useFleetStore((s) => s.loading !== null);
  const fleetOpen = useFleetStore((s) => s.open);
  const hasFleet = useFleetStore((s) => s.files.length > 0 || s.failures.length > 0);
  const show = useFleetStore((s) => s.show);
  const read = (input: HTMLInputElement, onlyFleetFiles: boolean) => {
    const chosen = [...(input.files ?? [])].filter((file) => !onlyFleetFiles || FLEET_FILE.test(file.name));
    // Clear it, so choosing the same files again reads them again.
    input.value = '';
    if (chosen.length > 0) void openFleetFiles(chosen);
  };
  return (
    <>
      {/* Back from a device opened out of the fleet, without reading the files again. */}
      {hasFleet && !fleetOpen && <Button onClick={show}>Back to the fleet</Button>}
      <Button disabled={loading} onClick={() => files.current?.click()}>
        Open fleet…
      </Button>
      <Button disabled={loading} onClick={() => folder.current?.click()}>
        Open folder…
      </Button>
      <input
        ref={files}
        type="file"
        multiple
        accept=".json,.gz,application/json,application/gzip"
        hidden
        aria-label="Capture or report files of the fleet"
        data-testid="fleet-file-input"
        onChange={(event) => read(event.currentTarget, false)}
      />
      {/* A folder and everything under it; other files in it are left out. */}
      <input
        ref={folder}
        type="file"
        hidden
        aria-label="A folder of capture and report files"
        data-testid="fleet-folder-input"
        {...{ webkitdirectory: '' }}
        onChange={(event) => read(event.currentTarget, true)}
      />
    </>
  );
}
