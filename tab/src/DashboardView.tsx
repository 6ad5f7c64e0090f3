import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { Api, Dashboard, StaffPattern } from './api';
import { useFormStyles } from './forms';
import { WorkPatternForm } from './WorkPatternForm';
import { useDownload } from './useDownload';

type Offer = Dashboard['offers'][number];

// A data table may scroll sideways on a narrow screen (WCAG 1.4.10 allows it); the page itself must not.
// Below its minimum width the columns would overlap (the table's layout is fixed).
const useStyles = makeStyles({ tableScroller: { overflowX: 'auto', maxWidth: '100%' }, table: { minWidth: '640px' } });

const signed = (n: number) => `${n > 0 ? '+' : ''}${n.toFixed(1)}`;

function impactText(impact: Offer['impact']): string {
  if (!impact) return 'Not started';
  if (!impact.breakdown) return `Too few responses to show (fewer than ${impact.minResponses})`;
  const { value, change } = impact.breakdown;
  return `Value ${value.mean.toFixed(1)}/5 · change in knowledge ${signed(change.knowledge.mean)}, understanding ${signed(change.understanding.mean)}, confidence ${signed(change.confidence.mean)} (n=${value.n})`;
}

function followUpText(impact: Offer['impact']): string {
  const followUp = impact?.followUp;
  if (!impact || !followUp) return '–';
  if (followUp.asked === 0) return `From ${new Date(followUp.opensAt).toLocaleDateString('en-GB', { dateStyle: 'medium' })}`;
  const answered = `${followUp.responses} of ${followUp.asked}`;
  if (!followUp.breakdown) return `${answered} · too few to show (fewer than ${impact.minResponses})`;
  const { applied, confidence } = followUp.breakdown;
  const sustained = confidence.sustainedChange.n > 0 ? ` · confidence ${confidence.before.mean.toFixed(1)} → ${confidence.after.mean.toFixed(1)} → ${confidence.followUp.mean.toFixed(1)} (sustained ${signed(confidence.sustainedChange.mean)}, n=${confidence.sustainedChange.n})` : '';
  return `${answered} · ${Math.round(applied.share * 100)}% applied it${sustained}`;
}

/** SLT's view of the school's offers: the server refuses it to anyone else, whatever the tab shows. */
export function DashboardView({ api }: { api: Api }) {
  const styles = useFormStyles();
  const local = useStyles();
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { downloading, download } = useDownload(api, setError);

  useEffect(() => {
    api.dashboard().then(setDashboard, (e: Error) => setError(e.message));
  }, [api]);

  if (!dashboard && !error) return <Spinner label="Loading the offers dashboard…" />;
  return (
    <section aria-labelledby="dashboard-heading" className={styles.stack}>
      <Title3 as="h1" id="dashboard-heading" className={styles.heading}>
        Offers dashboard{dashboard ? `: ${dashboard.school.name}` : ''}
      </Title3>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {dashboard && dashboard.offers.length === 0 && <Text as="p">No offers this school year yet. Create one with "new offer" in the bot.</Text>}
      {dashboard && dashboard.offers.length > 0 && (
        // Focusable, so that a keyboard can scroll it too.
        <div className={local.tableScroller} role="region" aria-label="Offers table" tabIndex={0}>
          <Table className={local.table} aria-label="Offers" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Session</TableHeaderCell>
                <TableHeaderCell>Sign-ups</TableHeaderCell>
                <TableHeaderCell>Attended</TableHeaderCell>
                <TableHeaderCell>Feedback</TableHeaderCell>
                <TableHeaderCell>Impact</TableHeaderCell>
                <TableHeaderCell>Weeks later</TableHeaderCell>
                <TableHeaderCell>Export</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {dashboard.offers.map((o) => (
                <TableRow key={o.offerId} aria-label={o.title}>
                  <TableCell>
                    <Text weight="semibold">{o.title}</Text>
                    <br />
                    <Text size={200} className={styles.muted}>
                      {new Date(o.startsAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: o.timeZone })}
                      {o.status === 'cancelled' ? ' · Cancelled' : ''}
                    </Text>
                  </TableCell>
                  <TableCell>
                    {o.confirmed} of {o.capacity} confirmed, {o.waitlisted} waitlisted
                  </TableCell>
                  <TableCell>{o.impact ? o.impact.attended : '–'}</TableCell>
                  <TableCell>
                    {o.impact ? `${o.impact.responses} (${o.impact.responseRate === null ? '–' : `${Math.round(o.impact.responseRate * 100)}%`})` : '–'}
                  </TableCell>
                  <TableCell>{impactText(o.impact)}</TableCell>
                  <TableCell>{followUpText(o.impact)}</TableCell>
                  <TableCell>
                    {o.csvPath && (
                      <Button size="small" aria-label={`Download CSV for ${o.title}`} disabled={downloading === o.csvPath} onClick={() => void download(o.csvPath!)}>
                        CSV
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <StaffPatterns api={api} />
      {dashboard && (
        <div className={styles.row}>
          <Text weight="semibold">Hours by person and tag:</Text>
          {dashboard.periods.map((p) => (
            <Button key={p.csvPath} disabled={downloading === p.csvPath} onClick={() => void download(p.csvPath)}>
              Download {p.label} CSV
            </Button>
          ))}
        </div>
      )}
      {dashboard && (
        <div className={styles.row}>
          <Text weight="semibold">Practice follow-ups by tag:</Text>
          {dashboard.periods.map((p) => (
            <Button key={p.followUpCsvPath} disabled={downloading === p.followUpCsvPath} onClick={() => void download(p.followUpCsvPath)}>
              Download {p.label} follow-ups CSV
            </Button>
          ))}
        </div>
      )}
    </section>
  );
}

/** SLT set a part-time colleague's share of full time, so their yearly target is pro rata. */
function StaffPatterns({ api }: { api: Api }) {
  const styles = useFormStyles();
  const [staff, setStaff] = useState<StaffPattern[] | null>(null);
  const [chosen, setChosen] = useState('');
  useEffect(() => {
    api.staff().then((r) => setStaff(r.staff), () => setStaff([]));
  }, [api]);
  if (!staff || staff.length === 0) return null;
  const person = staff.find((s) => s.personId === chosen);
  return (
    <section aria-labelledby="patterns-heading" className={styles.stack}>
      <Title3 as="h2" id="patterns-heading" className={styles.heading}>
        Part-time staff
      </Title3>
      <div className={styles.row}>
        <Field label="Member of staff">
          <Select value={chosen} onChange={(_e, d) => setChosen(d.value)}>
            <option value="">Choose a person</option>
            {staff.map((s) => (
              <option key={s.personId} value={s.personId}>
                {s.name} ({s.ftePercent}%)
              </option>
            ))}
          </Select>
        </Field>
        {person && (
          <WorkPatternForm
            key={person.personId}
            label={`Share of full time for ${person.name}`}
            ftePercent={person.ftePercent}
            onSave={async (fte) => {
              const { person: saved } = await api.setStaffWorkPattern(person.personId, fte);
              setStaff((current) => (current ?? []).map((s) => (s.personId === saved.personId ? saved : s)));
            }}
          />
        )}
      </div>
    </section>
  );
}
