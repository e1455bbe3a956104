import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { FixInfo } from '../../../electron/engine/fixes/fix-catalog';
import { CopyButton } from './copy-button';

const useStyles = makeStyles({
  card: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  command: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusSmall,
    overflowWrap: 'anywhere',
  },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  later: { color: tokens.colorNeutralForeground2 },
});

const WHERE: Record<FixInfo['context'], string> = {
  user: 'On this device, as the signed-in user (not elevated).',
  'admin-elsewhere': 'By an administrator, on another machine.',
  guidance: 'By the user; the app only explains what to do.',
};

/** One fix: what it does, what it costs, where it runs. Running fixes comes in a later version. */
export function FixCard({ fix }: { fix: FixInfo }) {
  const styles = useStyles();
  const laterId = useId();
  return (
    <section className={styles.card} aria-label={`Fix: ${fix.title}`} data-fix-id={fix.id}>
      <h5 className={styles.title}>
        {fix.title}
        {fix.destructive ? ' (deletes data)' : ''}
      </h5>
      <p className={styles.text}>
        <span className={styles.term}>What it does: </span>
        {fix.does}
      </p>
      <p className={styles.text}>
        <span className={styles.term}>What it costs: </span>
        {fix.cost}
      </p>
      <p className={styles.text}>
        <span className={styles.term}>Where it runs: </span>
        {WHERE[fix.context]}
      </p>
      {fix.command !== null && (
        <div className={styles.command}>
          <span className={styles.term}>{fix.context === 'admin-elsewhere' ? 'Command:' : 'Runs:'}</span>
          <code className={styles.code}>{fix.command}</code>
          {fix.context === 'admin-elsewhere' && (
            <CopyButton text={fix.command} what={`the command ${fix.title}`} />
          )}
        </div>
      )}
      <p className={styles.text}>
        <span className={styles.term}>Afterwards: </span>
        {fix.after}
      </p>
      {fix.context === 'user' && (
        <div className={styles.actions}>
          <Button disabledFocusable aria-describedby={laterId}>
            Run this fix
          </Button>
          <span id={laterId} className={styles.later}>
            Fix actions arrive in a later version
          </span>
        </div>
      )}
    </section>
  );
}
