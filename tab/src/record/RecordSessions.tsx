import { ReactNode } from 'react';
import { RecordView } from '../api';
import { AttendedSessions } from './AttendedSessions';
import { AwaitingFeedback } from './AwaitingFeedback';
import { LoggedActivities } from './LoggedActivities';
import { UpcomingSessions } from './UpcomingSessions';

type Session<R extends RecordView> = R['upcoming'][number];

/**
 * The record below the hours, the same for one's own and a direct report's: upcoming sessions, those awaiting
 * feedback, those attended and CLPL logged. The owner's own actions come in through the optional slots, so a view
 * that passes none (My team) is read-only by construction.
 */
export function RecordSessions<R extends RecordView>(props: {
  record: R;
  own: boolean;
  sessionActions?: (session: Session<R>) => ReactNode;
  afterUpcoming?: ReactNode;
  loggedToolbar?: ReactNode;
  loggedForm?: ReactNode;
}) {
  const { record, own } = props;
  return (
    <>
      <UpcomingSessions<Session<R>> sessions={record.upcoming as Session<R>[]} own={own} actions={props.sessionActions} />
      {props.afterUpcoming}
      <AwaitingFeedback sessions={record.awaitingFeedback} own={own} />
      <AttendedSessions sessions={record.attended} own={own} />
      <LoggedActivities activities={record.activities} own={own} toolbar={props.loggedToolbar}>
        {props.loggedForm}
      </LoggedActivities>
    </>
  );
}
