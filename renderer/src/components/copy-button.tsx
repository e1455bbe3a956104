import { Button } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { copyText } from '../lib/clipboard';

interface CopyButtonProps {
  text: string;
  /** Says what is copied, for screen readers: "Copy the command dsregcmd.exe /status". */
  what: string;
}

/** Copies text and says "Copied" for a moment (visibly and to screen readers). */
export function CopyButton({ text, what }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  const label = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy';
  return (
    <Button
      size="small"
      appearance="secondary"
      aria-label={state === 'idle' ? `Copy ${what}` : label}
      aria-live="polite"
      onClick={async () => setState((await copyText(text)) ? 'copied' : 'failed')}
    >
      {label}
    </Button>
  );
}
