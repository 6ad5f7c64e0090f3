import {
  Field,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Tab,
  TabList,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { Api, createApi, devPeople, Me, sessionInfo } from './api';
import { ClplView } from './ClplView';
import { DashboardView } from './DashboardView';
import { GoalsView } from './GoalsView';
import { PartnershipView } from './PartnershipView';
import { ReflectionsView } from './ReflectionsView';
import { TeamView } from './TeamView';
import { connectToHost, HostTheme } from './host';

const themes = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };
const devUserKey = 'clpl.devUser';

/** Below this width (Teams mobile is 360 px) the page keeps narrower margins, so content reflows rather than scrolls. */
const narrow = '@media (max-width: 480px)';

const useStyles = makeStyles({
  page: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground1 },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    [narrow]: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, gap: tokens.spacingVerticalXS },
  },
  // The section bar wraps onto a second line rather than widening the page (WCAG 1.4.10, reflow).
  sections: { flexWrap: 'wrap', flexShrink: 1, minWidth: 0 },
  main: {
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL}`,
    maxWidth: '960px',
    boxSizing: 'border-box',
    [narrow]: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  },
  dev: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0, maxWidth: '100%' },
  devSelect: { minWidth: 0 },
  centre: { padding: tokens.spacingVerticalXXL },
});

type View = 'goals' | 'clpl' | 'reflections' | 'dashboard' | 'team' | 'partnership';

type Start =
  | { kind: 'starting' }
  | { kind: 'teams'; api: Api }
  | { kind: 'local'; people: { id: string; name: string }[] }
  | { kind: 'outsideTeams' };

export function App() {
  const styles = useStyles();
  const [theme, setTheme] = useState<HostTheme>('default');
  const [start, setStart] = useState<Start>({ kind: 'starting' });
  const [devUser, setDevUser] = useState<string>(() => localStorage.getItem(devUserKey) ?? '');
  const [view, setView] = useState<View>('goals');

  useEffect(() => {
    void (async () => {
      const host = await connectToHost();
      setTheme(host.theme);
      host.onThemeChange(setTheme);
      if (host.kind === 'teams') {
        setStart({ kind: 'teams', api: createApi(async () => ({ Authorization: `Bearer ${await host.getToken()}` })) });
        return;
      }
      const [session, people] = await Promise.all([sessionInfo(), devPeople()]);
      if (!session.localMode) return setStart({ kind: 'outsideTeams' });
      setStart({ kind: 'local', people });
      setDevUser((current) => (people.some((p) => p.id === current) ? current : (people[0]?.id ?? '')));
    })();
  }, []);

  // Native parts of the page (date pickers, scrollbars, the canvas past the content) follow the theme too.
  useEffect(() => {
    document.documentElement.style.colorScheme = theme === 'default' ? 'light' : 'dark';
  }, [theme]);

  const api = useMemo(() => {
    if (start.kind === 'teams') return start.api;
    if (start.kind === 'local' && devUser) return createApi(async () => ({ 'X-CLPL-Dev-User': devUser }));
    return null;
  }, [start, devUser]);

  const [me, setMe] = useState<Me | null>(null);
  const [meError, setMeError] = useState<string | null>(null);
  useEffect(() => {
    setMe(null);
    setMeError(null);
    if (!api) return;
    api.me().then(setMe, (e: Error) => setMeError(e.message));
  }, [api]);
  // Direct reports decide whether "My team" is shown; its routes check again. Switching to someone without any leaves it.
  const [reports, setReports] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    setReports([]);
    if (!api || !me) return;
    api.team().then((r) => setReports(r.reports), () => setReports([]));
  }, [api, me]);
  useEffect(() => {
    if (me && reports.length === 0) setView((current) => (current === 'team' ? 'goals' : current));
  }, [me, reports]);
  // Switching to someone who is not SLT leaves the dashboard; to someone who leads no group, the partnership's report.
  useEffect(() => {
    if (me && !me.isSlt) setView((current) => (current === 'dashboard' ? 'goals' : current));
    if (me && !me.leadsGroups) setView((current) => (current === 'partnership' ? 'goals' : current));
  }, [me]);

  return (
    <FluentProvider theme={themes[theme]}>
      <div className={styles.page}>
        <header className={styles.header}>
          <TabList className={styles.sections} selectedValue={view} onTabSelect={(_e, data) => setView(data.value as View)} aria-label="My CLPL sections">
            <Tab value="goals">My goals</Tab>
            <Tab value="clpl">My CLPL</Tab>
            <Tab value="reflections">My reflections</Tab>
            {me?.isSlt && <Tab value="dashboard">Offers dashboard</Tab>}
            {me && reports.length > 0 && <Tab value="team">My team</Tab>}
            {me?.leadsGroups && <Tab value="partnership">Partnership</Tab>}
          </TabList>
          {start.kind === 'local' && (
            <div className={styles.dev}>
              <Field label="Development identity (local mode)" orientation="horizontal">
                <Select
                  className={styles.devSelect}
                  value={devUser}
                  onChange={(_e, data) => {
                    localStorage.setItem(devUserKey, data.value);
                    setDevUser(data.value);
                  }}
                >
                  {start.people.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
          )}
        </header>
        <main className={styles.main}>
          {start.kind === 'starting' && <Spinner className={styles.centre} label="Opening CLPL…" />}
          {start.kind === 'outsideTeams' && (
            <MessageBar intent="info">
              <MessageBarBody>
                <MessageBarTitle>Open CLPL in Microsoft Teams</MessageBarTitle>
                Your goals and CLPL record are private to you, so this page only works inside Teams, where it knows who you are.
              </MessageBarBody>
            </MessageBar>
          )}
          {meError && (
            <MessageBar intent="error">
              <MessageBarBody>{meError}</MessageBarBody>
            </MessageBar>
          )}
          {api && !me && !meError && <Spinner className={styles.centre} label="Loading…" />}
          {api && me && (
            <>
              <Text as="p" size={200}>
                Signed in as {me.person.name || 'you'}
              </Text>
              {view === 'goals' && <GoalsView key={me.person.id} api={api} me={me} />}
              {view === 'clpl' && <ClplView key={me.person.id} api={api} me={me} />}
              {view === 'reflections' && <ReflectionsView key={me.person.id} api={api} />}
              {view === 'dashboard' && me.isSlt && <DashboardView key={me.person.id} api={api} />}
              {view === 'team' && reports.length > 0 && <TeamView key={me.person.id} api={api} reports={reports} />}
              {view === 'partnership' && me.leadsGroups && <PartnershipView key={me.person.id} api={api} />}
            </>
          )}
        </main>
      </div>
    </FluentProvider>
  );
}
