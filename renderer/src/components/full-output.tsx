import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { ProbeId } from '../../../electron/engine/types';
import { type ProbeOutput, probeOutput } from '../lib/capture-output';
import { findInLines } from '../lib/find-matches';
import { linesText, readableLines, splitOutput } from '../lib/readable-output';
import { ensureCaptureText } from '../state/run-actions';
import { useSourceStore } from '../state/source-store';
import { CopyButton } from './copy-button';
import { OutputFind } from './output-find';
import { OutputLines } from './output-lines';

const useStyles = makeStyles({
  box: { display: 'grid', gap: tokens.spacingVerticalXS, justifyItems: 'start' },
  full: { width: '100%', display: 'grid', gap: tokens.spacingVerticalXS },
  tools: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
});

interface FullOutputProps {
  probeId: ProbeId;
  command: string;
  /** Whether an output line is one of those that decided the verdict. */
  isDeciding: (line: string) => boolean;
}

/** The probe's whole output, on demand: it comes from the capture, not from the report. */
export function FullOutput({ probeId, command, isDeciding }: FullOutputProps) {
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
        {open && !loading && <OutputBody output={output} command={command} isDeciding={isDeciding} />}
      </div>
    </div>
  );
}

function OutputBody({
  output,
  command,
  isDeciding,
}: {
  output: ProbeOutput | null;
  command: string;
  isDeciding: (line: string) => boolean;
}) {
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  if (!output) return <p className={styles.note}>The full output of this command is not available.</p>;
  const lines = readableLines(splitOutput(output.stdout), isDeciding);
  const { count } = findInLines(
    lines.map((line) => line.text),
    query,
  );
  const at = count === 0 ? -1 : Math.min(current, count - 1);
  const what = `the full output of ${command}`;
  return (
    <>
      <p className={styles.note}>
        Exit code {output.exitCode ?? 'none'}
        {output.error ? `; problem: ${output.error}` : ''}
        {output.stdout === '' ? '; no output' : ''}
      </p>
      {output.stdout !== '' && (
        <>
          <div className={styles.tools}>
            <OutputFind
              what={what}
              query={query}
              count={count}
              current={at}
              onQueryChange={(next) => {
                setQuery(next);
                setCurrent(0);
              }}
              onMove={(step) => count > 0 && setCurrent((at + step + count) % count)}
            />
            <CopyButton text={linesText(lines)} what={what} />
          </div>
          <OutputLines lines={lines} region={`Full output of ${command}`} find={{ query, current: at }} />
        </>
      )}
      {output.stderr !== '' && (
        <OutputLines
          lines={readableLines(splitOutput(output.stderr), () => false)}
          region={`Error output of ${command}`}
        />
      )}
    </>
  );
}
