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
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { Api, PartnershipChoices, PartnershipReport, PartnershipRow } from './api';
import { useFormStyles } from './forms';
import { useDownload } from './useDownload';

/** Change is after − before on 1–5 scales, so it lies between −4 and +4. */
const maxChange = 4;

const useStyles = makeStyles({
  tableScroller: { overflowX: 'auto', maxWidth: '100%' },
  table: { minWidth: '1200px' },
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  bars: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  // On a narrow screen the name takes its own line, so the bar keeps a readable length.
  bar: {
    display: 'grid',
    gridTemplateColumns: 'minmax(8em, 14em) 1fr 7em',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    '@media (max-width: 480px)': { gridTemplateColumns: '1fr 7em', rowGap: 0 },
  },
  barName: { '@media (max-width: 480px)': { gridColumn: '1 / -1' } },
  track: { position: 'relative', height: '1.1em', backgroundColor: tokens.colorNeutralBackground4, borderRadius: tokens.borderRadiusSmall },
  zero: { position: 'absolute', left: '50%', top: 0, bottom: 0, width: tokens.strokeWidthThick, backgroundColor: tokens.colorNeutralForeground3 },
  up: { position: 'absolute', left: '50%', top: 0, bottom: 0, backgroundColor: tokens.colorBrandBackground },
  down: { position: 'absolute', right: '50%', top: 0, bottom: 0, backgroundColor: tokens.colorPaletteDarkOrangeBackground3 },
});

const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(n).toFixed(2)}`;
const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);

function kindText(row: PartnershipRow): string {
  if (row.kind === 'school') return 'school';
  return `${row.groupKind ?? 'group'}, ${row.schools} ${row.schools === 1 ? 'school' : 'schools'}`;
}

function withheldText(row: PartnershipRow, minResponses: number): string {
  if (row.withheld === 'too_few_responses') return `Withheld: fewer than ${minResponses} responses`;
  if (row.withheld === 'protects_another_cell') return 'Withheld: would show another withheld row';
  return 'No responses';
}

/** One line of the chart's text alternative, and of the bar's visible label. */
function changeText(row: PartnershipRow, minResponses: number): string {
  return row.means ? `${signed(row.means.meanChange.mean)} (n=${row.means.meanChange.n})` : withheldText(row, minResponses);
}

/**
 * The partnership's report for group leads: impact by school, sub-group and group for the year or a term, as the
 * West Partnership's indicator. The server refuses it to anyone who does not lead the group, whatever the tab shows.
 */
export function PartnershipView({ api }: { api: Api }) {
  const styles = useFormStyles();
  const local = useStyles();
  const [choices, setChoices] = useState<PartnershipChoices | null>(null);
  const [groupId, setGroupId] = useState('');
  const [periodIndex, setPeriodIndex] = useState(0);
  const [report, setReport] = useState<PartnershipReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { downloading, download } = useDownload(api, setError);

  useEffect(() => {
    api.partnershipChoices().then(
      (c) => {
        setChoices(c);
        setGroupId(c.groups[0]?.id ?? '');
      },
      (e: Error) => setError(e.message),
    );
  }, [api]);

  useEffect(() => {
    setReport(null);
    if (!groupId) return;
    let current = true;
    api.partnershipReport(groupId, periodIndex).then(
      (r) => current && setReport(r),
      (e: Error) => current && setError(e.message),
    );
    return () => {
      current = false;
    };
  }, [api, groupId, periodIndex]);

  if (!choices && !error) return <Spinner label="Loading the partnership's report…" />;
  const charted = report?.rows ?? [];
  return (
    <section aria-labelledby="partnership-heading" className={styles.stack}>
      <Title3 as="h1" id="partnership-heading" className={styles.heading}>
        Partnership{report ? `: ${report.group.name}, ${report.period.label}` : ''}
      </Title3>
      <Text as="p" className={styles.muted}>
        Each school's staff's CLPL, wherever it was offered, and the groups as the sum of their schools. Means are withheld where fewer than{' '}
        {report?.minResponses ?? 'the minimum number of'} people answered, or where, taken with the other rows, they would show a withheld one.
      </Text>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {choices && choices.groups.length === 0 && <Text as="p">You do not lead a group of schools.</Text>}
      {choices && choices.groups.length > 0 && (
        <div className={styles.row}>
          <Field label="Group">
            <Select value={groupId} onChange={(_e, data) => setGroupId(data.value)}>
              {choices.groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name} ({g.kind})
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Period">
            <Select value={String(periodIndex)} onChange={(_e, data) => setPeriodIndex(Number(data.value))}>
              {choices.periods.map((p) => (
                <option key={p.index} value={p.index}>
                  {p.label}
                </option>
              ))}
            </Select>
          </Field>
          {report && (
            <Button disabled={downloading === report.csvPath} onClick={() => void download(report.csvPath)}>
              Download CSV
            </Button>
          )}
        </div>
      )}
      {groupId && !report && !error && <Spinner label="Loading…" />}
      {report && (
        <>
          <figure className={local.figure}>
            <figcaption>
              <Text block weight="semibold">
                Mean change in staff knowledge, understanding and confidence
              </Text>
              <Text block size={200} className={styles.muted}>
                After − before on scales of 1 to 5 (so −4 to +4), averaged over the three scales ("all three" in the table); n is the number of
                responses. The same numbers are in the table below.
              </Text>
            </figcaption>
            <div
              className={local.bars}
              role="img"
              aria-label={`Mean change in staff knowledge, understanding and confidence, ${report.period.label}: ${charted.map((r) => `${r.name} ${changeText(r, report.minResponses)}`).join('; ')}.`}
            >
              {charted.map((row) => {
                const change = row.means?.meanChange.mean ?? 0;
                const width = `${(Math.min(Math.abs(change), maxChange) / maxChange) * 50}%`;
                return (
                  <div key={`${row.kind}:${row.id}`} className={local.bar}>
                    <Text className={local.barName} weight={row.kind === 'total' ? 'semibold' : 'regular'}>
                      {row.name}
                    </Text>
                    <div className={local.track}>
                      {row.means && <div className={change >= 0 ? local.up : local.down} style={{ width }} />}
                      <div className={local.zero} />
                    </div>
                    <Text size={200}>{row.means ? changeText(row, report.minResponses) : 'Withheld'}</Text>
                  </div>
                );
              })}
            </div>
          </figure>
          <div className={local.tableScroller} role="region" aria-label="Partnership table" tabIndex={0}>
            <Table className={local.table} aria-label={`Impact by school and group, ${report.period.label}`} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>School or group</TableHeaderCell>
                  <TableHeaderCell>Sessions</TableHeaderCell>
                  <TableHeaderCell>Places taken</TableHeaderCell>
                  <TableHeaderCell>Attended</TableHeaderCell>
                  <TableHeaderCell>Responses</TableHeaderCell>
                  <TableHeaderCell>Mean value (1–5)</TableHeaderCell>
                  <TableHeaderCell>Mean change (all three)</TableHeaderCell>
                  <TableHeaderCell>Knowledge</TableHeaderCell>
                  <TableHeaderCell>Understanding</TableHeaderCell>
                  <TableHeaderCell>Confidence</TableHeaderCell>
                  <TableHeaderCell>n</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {report.rows.map((row) => (
                  <TableRow key={`${row.kind}:${row.id}`} aria-label={row.name}>
                    <TableCell>
                      <Text weight={row.kind === 'total' ? 'semibold' : 'regular'}>{row.name}</Text>
                      <br />
                      <Text size={200} className={styles.muted}>
                        {kindText(row)}
                      </Text>
                    </TableCell>
                    <TableCell>{row.sessions}</TableCell>
                    <TableCell>{row.placesTaken}</TableCell>
                    <TableCell>
                      {row.attended} ({row.practitioners} {row.practitioners === 1 ? 'person' : 'people'})
                    </TableCell>
                    <TableCell>
                      {row.responses} ({percent(row.responseRate)})
                    </TableCell>
                    {row.means ? (
                      <>
                        <TableCell>{row.means.value.mean.toFixed(2)}</TableCell>
                        <TableCell>{signed(row.means.meanChange.mean)}</TableCell>
                        <TableCell>{signed(row.means.change.knowledge.mean)}</TableCell>
                        <TableCell>{signed(row.means.change.understanding.mean)}</TableCell>
                        <TableCell>{signed(row.means.change.confidence.mean)}</TableCell>
                        <TableCell>{row.means.meanChange.n}</TableCell>
                      </>
                    ) : (
                      <TableCell colSpan={6}>{withheldText(row, report.minResponses)}</TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}
