import type { ProbeOutput, ProbeOutputResult } from '@contract/api-contract';
import type { ProbeId } from '@contract/types';
import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import { findInLines } from '../lib/find-matches';
import { linesText, readableLines, splitOutput } from '../lib/readable-output';
import { loadProbeOutput } from '../state/run-actions';
import { useRunStore } from '../state/run-store';
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

/** The probe's whole output, on demand: asked of the session behind the report, not kept in the report. */
export function FullOutput({ probeId, command, isDeciding }: FullOutputProps) {
  const styles = useStyles();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [loading, setLoading] = useState(false);
  const [output, setOutput] = useState<ProbeOutputResult | null>(null);
  // A new report (a re-run, a fix, another source) may come with other output: asked again while open.
  const report = useRunStore((s) => s.report);

  useEffect(() => {
    if (!open || report === null) return;
    let current = true;
    setLoading(true);
    void loadProbeOutput(probeId).then((loaded) => {
      if (!current) return;
      setOutput(loaded);
      setLoading(false);
    });
    return () => {
      current = false;
    };
  }, [open, probeId, report]);

  const toggle = () => setOpen(!open);

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
  output: ProbeOutputResult | null;
  command: string;
  isDeciding: (line: string) => boolean;
}) {
  const styles = useStyles();
  if (!output?.ok) return <p className={styles.note}>{outputUnavailable(output?.reason)}</p>;
  return <OutputView output={output.output} command={command} isDeciding={isDeciding} />;
}

/** Why there is no output, in one line: the API's reason when it gave one. */
function outputUnavailable(reason: string | undefined): string {
  const why = reason?.trim().replace(/\.+$/, '');
  return why
    ? `The full output of this command is not available: ${why}.`
    : 'The full output of this command is not available.';
}

function OutputView({
  output,
  command,
  isDeciding,
}: {
  output: ProbeOutput;
  command: string;
  isDeciding: (line: string) => boolean;
}) {
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
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
