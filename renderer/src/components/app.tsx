import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useEffect } from 'react';
import { followOsColorScheme, useSettingsStore } from '../state/settings-store';
import { AppShell } from './app-shell';

/**
 * The Fluent theme around the app, following the OS's light/dark setting live. The provider gets
 * no size class of its own: Fluent copies the provider's classes onto portals (dialogs), and a
 * full-height, painted portal would hide the page behind a dialog's see-through backdrop.
 */
export function App() {
  const colorScheme = useSettingsStore((s) => s.colorScheme);

  useEffect(() => followOsColorScheme(), []);
  useEffect(() => {
    document.documentElement.style.colorScheme = colorScheme;
  }, [colorScheme]);

  return (
    <FluentProvider theme={colorScheme === 'dark' ? webDarkTheme : webLightTheme}>
      <AppShell />
    </FluentProvider>
  );
}
