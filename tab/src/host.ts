import { app, authentication } from '@microsoft/teams-js';

export type HostTheme = 'default' | 'dark' | 'contrast';

/** Where the tab runs: both report a theme and its changes; only Teams signs the person in. */
export type Host =
  | { kind: 'teams'; theme: HostTheme; onThemeChange(handler: (theme: HostTheme) => void): void; getToken(): Promise<string> }
  | { kind: 'browser'; theme: HostTheme; onThemeChange(handler: (theme: HostTheme) => void): void };

function asTheme(theme: string | undefined): HostTheme {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

/**
 * Outside Teams the tab follows the system: forced colours (Windows contrast themes) as Teams' contrast theme, else
 * the light or dark colour scheme, and follows a change made while it is open.
 */
function browserHost(): Host {
  const queries = { contrast: window.matchMedia?.('(forced-colors: active)'), dark: window.matchMedia?.('(prefers-color-scheme: dark)') };
  const systemTheme = (): HostTheme => (queries.contrast?.matches ? 'contrast' : queries.dark?.matches ? 'dark' : 'default');
  return {
    kind: 'browser',
    theme: systemTheme(),
    onThemeChange(handler) {
      for (const query of Object.values(queries)) query?.addEventListener('change', () => handler(systemTheme()));
    },
  };
}

/**
 * Are we inside Teams? `app.initialize()` only settles outside Teams after a long timeout, so it races a short timer.
 * Inside Teams the token comes from SSO (asked for on every call: Teams caches and renews it).
 */
export async function connectToHost(timeoutMs = 1500): Promise<Host> {
  const timedOut = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs));
  try {
    const mobileHost = 'nativeInterface' in window;
    if (window.parent === window && !window.opener && !mobileHost && !/Teams|Electron/.test(navigator.userAgent)) {
      // Not framed, not a Teams mobile web view, not the desktop client: no host will ever answer.
      return browserHost();
    }
    const initialised = await Promise.race([app.initialize().then(() => 'ok' as const), timedOut]);
    if (initialised !== 'ok') return browserHost();
    const context = await app.getContext();
    app.notifySuccess();
    return {
      kind: 'teams',
      theme: asTheme(context.app.theme),
      onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(asTheme(theme))),
      getToken: () => authentication.getAuthToken(),
    };
  } catch {
    return browserHost();
  }
}
