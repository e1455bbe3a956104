import type { CheckId, FixId } from '@contract/types';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useAppInfoStore } from '../state/app-info-store';
import { FixCard } from './fix-card';

const useStyles = makeStyles({ list: { display: 'grid', gap: tokens.spacingVerticalS } });

export function FixList({ fixIds, checkId }: { fixIds: FixId[]; checkId: CheckId }) {
  const styles = useStyles();
  const fixes = useAppInfoStore((s) => s.info?.fixes);
  if (!fixes) return null;
  return (
    <div className={styles.list}>
      {fixIds.map((id) => {
        const fix = fixes[id];
        return fix ? <FixCard key={id} fix={fix} checkId={checkId} /> : null;
      })}
    </div>
  );
}
