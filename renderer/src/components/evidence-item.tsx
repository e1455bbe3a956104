import { makeStyles, tokens } from '@fluentui/react-components';
import type { EvidenceItem as Evidence } from '../../../electron/engine/types';
import { commandLine } from '../lib/command-line';
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
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** One command and the lines of its output that decided the verdict. */
export function EvidenceItem({ item }: { item: Evidence }) {
  const styles = useStyles();
  const command = commandLine(item.command);
  const highlight = new Set(item.lines.map((line) => line.trim()));
  return (
    <li className={styles.item} data-probe-id={item.probeId}>
      <div className={styles.commandRow}>
        <code className={styles.code}>{command}</code>
        <CopyButton text={command} what={`the command ${command}`} />
      </div>
      {item.lines.length > 0 && <OutputLines lines={item.lines} highlight={highlight} />}
      {item.note && <p className={styles.note}>{item.note}</p>}
      <FullOutput probeId={item.probeId} command={command} highlight={highlight} />
    </li>
  );
}
