import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { CheckResult } from '../../../electron/engine/types';
import { rerun } from '../state/run-actions';
import { useRunStore } from '../state/run-store';
import { CheckTools } from './check-tools';
import { DocLinks } from './doc-links';
import { EvidenceItem } from './evidence-item';
import { FixList } from './fix-list';
import { RowFixOutcome } from './row-fix-outcome';

const useStyles = makeStyles({
  panel: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalL}`,
    paddingLeft: '3.25rem',
    minWidth: 0,
  },
  section: { display: 'grid', gap: tokens.spacingVerticalXS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, maxWidth: '75ch' },
  evidence: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

interface CheckDetailProps {
  check: CheckResult;
  headingId: string;
  blockedByTitle: string | null;
}

/** What a step means, what was found (the evidence), and what to do about it. */
export function CheckDetail({ check, headingId, blockedByTitle }: CheckDetailProps) {
  const styles = useStyles();
  const running = useRunStore((s) => s.running);
  return (
    <section className={styles.panel} aria-labelledby={headingId} data-detail-for={check.id}>
      <div className={styles.section}>
        <h4 className={styles.heading}>What this step means</h4>
        <p className={styles.text}>{check.explanation}</p>
      </div>
      <div className={styles.section}>
        <h4 className={styles.heading}>What was found</h4>
        <p className={styles.text}>{check.summary}</p>
        {blockedByTitle && (
          <p className={styles.text}>
            This step is blocked: the step “{blockedByTitle}” failed and explains it. Fix that one first. What
            was found here is shown for reference.
          </p>
        )}
        {check.contradiction && <p className={styles.text}>{check.contradiction}</p>}
        <RowFixOutcome checkId={check.id} />
      </div>
      {check.evidence.length > 0 && (
        <div className={styles.section}>
          <h4 className={styles.heading}>Evidence</h4>
          <ul className={styles.evidence}>
            {check.evidence.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a check may cite the same probe twice.
              <EvidenceItem key={`${item.probeId}-${index}`} item={item} />
            ))}
          </ul>
        </div>
      )}
      {check.remediation && (
        <div className={styles.section}>
          <h4 className={styles.heading}>What to do</h4>
          <p className={styles.text}>{check.remediation}</p>
        </div>
      )}
      {check.fixes.length > 0 && (
        <div className={styles.section}>
          <h4 className={styles.heading}>Fixes</h4>
          <FixList fixIds={check.fixes} checkId={check.id} />
        </div>
      )}
      <CheckTools checkId={check.id} />
      {check.docs.length > 0 && (
        <div className={styles.section}>
          <h4 className={styles.heading}>Learn more</h4>
          <DocLinks docs={check.docs} />
        </div>
      )}
      <div className={styles.actions}>
        <Button disabled={running} onClick={() => void rerun(check.id)}>
          Re-run this check
        </Button>
      </div>
    </section>
  );
}
