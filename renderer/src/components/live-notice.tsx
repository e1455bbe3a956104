import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useAppInfoStore } from '../state/app-info-store';

/** Says plainly why there is no live check, so nobody waits for one. */
export function LiveNotice() {
  const info = useAppInfoStore((s) => s.info);
  if (!info || info.liveSupported) return null;
  return (
    <MessageBar intent="info" layout="multiline" data-testid="live-notice">
      <MessageBarBody>
        This is not a Windows device (or this is the browser preview): practise with the built-in scenarios or
        open a capture file.
      </MessageBarBody>
    </MessageBar>
  );
}
