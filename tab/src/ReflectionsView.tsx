import { Badge, Card, CardHeader, MessageBar, MessageBarBody, Spinner, Text, Title3 } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { Api, MyReflection } from './api';
import { formatDate, useFormStyles } from './forms';

const statusText: Record<MyReflection['status'], string> = { not_started: 'Not started', draft: 'Draft', submitted: 'Submitted' };
const statusColour = { not_started: 'informative', draft: 'warning', submitted: 'success' } as const;

/** The person's own PRD reflections, read-only: they are answered (and edited until the due date) in the bot's card. */
export function ReflectionsView({ api }: { api: Api }) {
  const styles = useFormStyles();
  const [reflections, setReflections] = useState<MyReflection[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    api.reflections().then(
      (r) => current && setReflections(r.reflections),
      (e: Error) => current && setError(e.message),
    );
    return () => {
      current = false;
    };
  }, [api]);

  return (
    <div className={styles.stack}>
      <Title3 as="h1" className={styles.heading}>
        My reflections
      </Title3>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {!reflections && !error && <Spinner label="Loading your reflections…" />}
      {reflections?.length === 0 && (
        <Text as="p">No reflections yet. When your line manager asks you to reflect before your PRD meeting, it appears here.</Text>
      )}
      {reflections?.map((r) => (
        <Card key={r.promptId}>
          <CardHeader
            header={<Text weight="semibold">Reflection due {formatDate(r.dueDate)}</Text>}
            description={
              <Text size={200} className={styles.muted}>
                {r.submittedAt ? `Submitted ${new Date(r.submittedAt).toLocaleDateString('en-GB')}` : r.open ? 'Answer it in your chat with the CLPL bot.' : 'Closed'}
              </Text>
            }
            action={
              <Badge appearance="tint" color={statusColour[r.status]} style={{ whiteSpace: 'nowrap' }}>
                {statusText[r.status]}
              </Badge>
            }
          />
          {r.message && <Text italic>“{r.message}”</Text>}
          {r.answers && (
            <div className={styles.stack}>
              <Answer label="Professional learning with most impact" text={r.answers.impactfulLearning} />
              <Answer label="How I know" text={r.answers.howYouKnow} />
              {r.answers.goalProgress.length > 0 && (
                <div>
                  <Text weight="semibold">Progress on my goals</Text>
                  <ul className={styles.list}>
                    {r.answers.goalProgress.map((g, i) => (
                      <li key={i}>
                        <Text>
                          {g.goalTitle}: {g.progress || '—'}
                        </Text>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {r.answers.nextYearFocus.length > 0 && (
                <div>
                  <Text weight="semibold">Focus for next year</Text>
                  <ul className={styles.list}>
                    {r.answers.nextYearFocus.map((f, i) => (
                      <li key={i}>
                        <Text>{f}</Text>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {r.answers.standardAreas.length > 0 && <Answer label="GTCS Standards areas" text={r.answers.standardAreas.join(', ')} />}
            </div>
          )}
        </Card>
      ))}
    </div>
  );
}

function Answer({ label, text }: { label: string; text: string }) {
  return (
    <div>
      <Text weight="semibold" block>
        {label}
      </Text>
      <Text block>{text || '—'}</Text>
    </div>
  );
}
