import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { openFleetFiles } from '../state/fleet-actions';
import { useFleetStore } from '../state/fleet-store';
import { openCaptureFile } from '../state/run-actions';

const useStyles = makeStyles({
  overlay: {
    position: 'fixed',
    inset: 0,
    zIndex: 100,
    display: 'grid',
    placeItems: 'center',
    backgroundColor: tokens.colorBackgroundOverlay,
    pointerEvents: 'none',
  },
  card: {
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXXL}`,
    borderRadius: tokens.borderRadiusXLarge,
    border: `3px dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
});

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;

/** Drag a capture (.json) anywhere onto the window to open it; a hint covers the window while dragging. */
export function DropOverlay() {
  const styles = useStyles();
  const [dragging, setDragging] = useState(false);
  const fleetOpen = useFleetStore((s) => s.open);

  useEffect(() => {
    // dragenter/dragleave fire for every child element; count them to know when the drag really left.
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth += 1;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without this the browser would navigate to the dropped file.
      event.preventDefault();
      depth = 0;
      setDragging(false);
      // In the fleet view every dropped file joins a new fleet; elsewhere the first one opens.
      const files = [...(event.dataTransfer?.files ?? [])];
      if (useFleetStore.getState().open) {
        if (files.length > 0) void openFleetFiles(files);
      } else if (files[0]) void openCaptureFile(files[0]);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  if (!dragging) return null;
  return (
    <div className={styles.overlay} data-testid="drop-overlay">
      <div className={styles.card}>
        {fleetOpen
          ? 'Drop the capture and report files to read them as a fleet'
          : 'Drop the capture file (.json) to open it'}
      </div>
    </div>
  );
}
