import { Button } from '@fluentui/react-components';
import { useRef } from 'react';
import { openCaptureFile } from '../state/run-actions';
import { useRunStore } from '../state/run-store';

/** "Open capture…": a file picker for .json captures (saved on this or any other machine). */
export function OpenCaptureButton() {
  const input = useRef<HTMLInputElement>(null);
  const running = useRunStore((s) => s.running);
  return (
    <>
      <Button disabled={running} onClick={() => input.current?.click()}>
        Open capture…
      </Button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="Capture file to open"
        data-testid="capture-file-input"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          // Clear it, so choosing the same file again still opens it.
          event.currentTarget.value = '';
          if (file) void openCaptureFile(file);
        }}
      />
    </>
  );
}
