import { Badge, CardHeader, Text } from '@fluentui/react-components';
import { Goal, GoalStatus } from './api';
import { formatDate, useFormStyles } from './forms';

/** Goals may also be `proposed`: drafted in a PRD reflection, to be agreed at the meeting. */
type ShownStatus = GoalStatus | 'proposed';
const statusColour = { proposed: 'warning', not_started: 'informative', in_progress: 'brand', achieved: 'success' } as const;
const statusText = (status: ShownStatus, own: boolean): string =>
  ({ proposed: own ? 'Proposed (from your reflection)' : 'Proposed', not_started: 'Not started', in_progress: 'In progress', achieved: 'Achieved' })[status];

/** The API's goal type leaves `proposed` out (no one sets it from the tab), but the server may send it. */
export const isProposed = (goal: { status: GoalStatus }): boolean => (goal.status as ShownStatus) === 'proposed';

/** A goal as read: title, area, target, status, what success looks like, progress and evidence. Shared by My goals and My team. */
export function GoalSummary({ goal, own }: { goal: Omit<Goal, 'version'>; own: boolean }) {
  const styles = useFormStyles();
  const status: ShownStatus = goal.status;
  return (
    <>
      <CardHeader
        header={
          <Text as="h2" weight="semibold" size={400} style={{ margin: 0 }}>
            {goal.title}
          </Text>
        }
        description={
          <Text className={styles.muted} size={200}>
            {goal.standardArea}
            {goal.targetDate ? ` · Target ${formatDate(goal.targetDate)}` : ''}
          </Text>
        }
        action={
          <Badge appearance="tint" color={statusColour[status]} style={{ whiteSpace: 'nowrap' }}>
            {statusText(status, own)}
          </Badge>
        }
      />
      {goal.successCriteria && (
        <Text>
          <Text weight="semibold">What success looks like: </Text>
          {goal.successCriteria}
        </Text>
      )}
      {goal.progressNotes.length > 0 && (
        <div>
          <Text weight="semibold">Progress</Text>
          <ul className={styles.list} aria-label={`Progress on ${goal.title}`}>
            {goal.progressNotes.map((note, i) => (
              <li key={i}>
                <Text className={styles.muted}>{formatDate(note.date)}: </Text>
                <Text>{note.text}</Text>
              </li>
            ))}
          </ul>
        </div>
      )}
      {goal.evidence.length > 0 && (
        <div>
          <Text weight="semibold">Evidence</Text>
          <ul className={styles.list} aria-label={`Evidence for ${goal.title}`}>
            {goal.evidence.map((e) => (
              <li key={`${e.kind}:${e.ref}`}>
                {e.kind === 'link' ? (
                  <a href={e.ref} target="_blank" rel="noreferrer">
                    {e.label}
                  </a>
                ) : (
                  <Text>{e.label}</Text>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
