import { FluentProvider, makeStyles, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useEffect } from 'react';
import { followOsColorScheme, useSettingsStore } from '../state/settings-store';
import { AppShell } from './app-shell';

const useStyles = makeStyles({ provider: { height: '100%' } });

/** The Fluent theme around the app, following the OS's light/dark setting live. */
export function App() {
  const styles = useStyles();
  const colorScheme = useSettingsStore((s) => s.colorScheme);

  useEffect(() => followOsColorScheme(), []);
  useEffect(() => {
    document.documentElement.style.colorScheme = colorScheme;
  }, [colorScheme]);

  return (
    <FluentProvider theme={colorScheme === 'dark' ? webDarkTheme : webLightTheme} className={styles.provider}>
      <AppShell />
    </FluentProvider>
  );
}
