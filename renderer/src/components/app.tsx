import { FluentProvider, makeStyles, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useEffect } from 'react';
import { startApp } from '../state/run-actions';
import { followOsColorScheme, useSettingsStore } from '../state/settings-store';
import { AppShell } from './app-shell';

const useStyles = makeStyles({ provider: { height: '100%' } });

/** Theme (following the OS, live) around the app; starts the first run once. */
export function App() {
  const styles = useStyles();
  const colorScheme = useSettingsStore((s) => s.colorScheme);

  useEffect(() => followOsColorScheme(), []);
  useEffect(() => {
    void startApp(window.location.search);
  }, []);
  useEffect(() => {
    document.documentElement.style.colorScheme = colorScheme;
  }, [colorScheme]);

  return (
    <FluentProvider theme={colorScheme === 'dark' ? webDarkTheme : webLightTheme} className={styles.provider}>
      <AppShell />
    </FluentProvider>
  );
}
