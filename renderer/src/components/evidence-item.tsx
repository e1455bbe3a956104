import type { EvidenceItem as Evidence } from '@contract/types';
import { makeStyles, tokens } from '@fluentui/react-components';
import { commandLine } from '../lib/command-line';
import { powershellScript } from '../lib/powershell-script';
import { linesText, readableLines } from '../lib/readable-output';
import { useReadOnly } from '../state/source-store';
import { CopyButton } from './copy-button';
import { FullOutput } from './full-output';
import { OutputLines } from './output-lines';

const useStyles = makeStyles({
  item: { display: 'grid', gap: tokens.spacingVerticalXS, minWidth: 0 },
  commandRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  lines: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    alignItems: 'start',
    gap: tokens.spacingHorizontalS,
  },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
  script: {
    margin: 0,
    maxHeight: '16rem',
    overflow: 'auto',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre',
  },
});

/** One command and the lines of its output that decided the verdict, each with a copy button. */
export function EvidenceItem({ item }: { item: Evidence }) {
  const styles = useStyles();
  const command = commandLine(item.command);
  const deciding = new Set(item.lines.map((line) => line.trim()));
  // Every line cited here decided the verdict; JSON lines read as key/value lines.
  const shown = readableLines(item.lines, () => true);
  const script = powershellScript(item.command);
  // A report file keeps the deciding lines only; the whole output is in the capture.
  const readOnly = useReadOnly();
  return (
    <li className={styles.item} data-probe-id={item.probeId}>
      {command !== '' && (
        <div className={styles.commandRow}>
          <code className={styles.code}>{command}</code>
          <CopyButton text={command} what={`the command ${command}`} />
        </div>
      )}
      {script !== undefined && (
        <details data-powershell-script="">
          <summary>PowerShell script this command runs</summary>
          <div className={styles.lines}>
            <pre className={styles.script}>{script}</pre>
            <CopyButton text={script} what="the PowerShell script" />
          </div>
        </details>
      )}
      {shown.length > 0 && (
        <div className={styles.lines}>
          <OutputLines lines={shown} />
          <CopyButton text={linesText(shown)} what={`the deciding lines of ${command}`} />
        </div>
      )}
      {item.note && <p className={styles.note}>{item.note}</p>}
      {!readOnly && (
        <FullOutput
          probeId={item.probeId}
          command={command}
          isDeciding={(line) => deciding.has(line.trim())}
        />
      )}
    </li>
  );
}
