import { makeStyles, tokens } from '@fluentui/react-components';
import { useAppInfoStore } from '../state/app-info-store';

const useStyles = makeStyles({
  notice: {
    flexBasis: '100%',
    order: 11,
    margin: 0,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
});

/** Says plainly why there is no live check, so nobody waits for one: one small line under the bar. */
export function LiveNotice() {
  const styles = useStyles();
  const info = useAppInfoStore((s) => s.info);
  if (!info || info.liveSupported) return null;
  return (
    <p className={styles.notice} data-testid="live-notice">
      This is not a Windows device (or this is the browser preview): practise with the built-in scenarios or
      open a capture file.
    </p>
  );
}
