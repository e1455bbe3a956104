import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { ProbeId } from '../../../electron/engine/types';
import { type ProbeOutput, probeOutput } from '../lib/capture-output';
import { ensureCaptureText } from '../state/run-actions';
import { useSourceStore } from '../state/source-store';
import { OutputLines } from './output-lines';

const useStyles = makeStyles({
  box: { display: 'grid', gap: tokens.spacingVerticalXS, justifyItems: 'start' },
  full: { width: '100%' },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
});

interface FullOutputProps {
  probeId: ProbeId;
  command: string;
  highlight: ReadonlySet<string>;
}

/** The probe's whole output, on demand: it comes from the capture, not from the report. */
export function FullOutput({ probeId, command, highlight }: FullOutputProps) {
  const styles = useStyles();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [loading, setLoading] = useState(false);
  const captureText = useSourceStore((s) => s.captureText);
  const output = open && captureText !== null ? probeOutput(captureText, probeId) : null;

  const toggle = async () => {
    if (open) {
      setOpen(false);
      return;
    }
    setOpen(true);
    if (useSourceStore.getState().captureText === null) {
      setLoading(true);
      await ensureCaptureText();
      setLoading(false);
    }
  };

  return (
    <div className={styles.box}>
      <Button
        size="small"
        appearance="secondary"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={toggle}
      >
        {open ? 'Hide full output' : 'Show full output'}
      </Button>
      <div id={panelId} hidden={!open} className={styles.full}>
        {open && loading && <Spinner size="tiny" label="Loading the output…" />}
        {open && !loading && <OutputBody output={output} command={command} highlight={highlight} />}
      </div>
    </div>
  );
}

function OutputBody({
  output,
  command,
  highlight,
}: {
  output: ProbeOutput | null;
  command: string;
  highlight: ReadonlySet<string>;
}) {
  const styles = useStyles();
  if (!output) return <p className={styles.note}>The full output of this command is not available.</p>;
  const lines = output.stdout.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  return (
    <>
      <p className={styles.note}>
        Exit code {output.exitCode ?? 'none'}
        {output.error ? `; problem: ${output.error}` : ''}
        {output.stdout === '' ? '; no output' : ''}
      </p>
      {output.stdout !== '' && (
        <OutputLines lines={lines} highlight={highlight} region={`Full output of ${command}`} />
      )}
      {output.stderr !== '' && (
        <OutputLines
          lines={output.stderr.split(/\r?\n/)}
          highlight={new Set()}
          region={`Error output of ${command}`}
        />
      )}
    </>
  );
}
