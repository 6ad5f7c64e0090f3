import { DomainErrorCode } from '../../domain/errors';

/** What a person is told for each domain error code: one table, so wording stays consistent across cards and chat. */
export const errorText: Record<DomainErrorCode, { title: string; text: string }> = {
  offer_not_found: { title: 'Session not found', text: 'That CLPL session no longer exists. It may have been removed.' },
  signups_closed: { title: 'Sign-ups have closed', text: 'Sign-ups for this session have closed. Speak to the organiser if you still hope to attend.' },
  offer_cancelled: { title: 'Session cancelled', text: 'This session has been cancelled, so no one can sign up.' },
  session_started: { title: 'Session already started', text: 'This session has already started, so sign-ups can no longer change.' },
  not_signed_up: { title: 'Not signed up', text: 'You are not signed up for this session, so there is nothing to withdraw from.' },
  not_slt: { title: 'Only senior leaders can do that', text: 'Creating, changing and cancelling CLPL offers, and choosing the CLPL channel, are for your school\'s senior leadership team. Type "help" to see what you can do.' },
  invalid_offer: { title: 'Please check the offer', text: 'Some details of the offer need another look.' },
  school_unknown: {
    title: 'Which school?',
    text: 'I could not tell which school you are in. Use me once from your school\'s team (for example, @mention me in the CLPL channel) and try again.',
  },
  clpl_channel_not_set: {
    title: 'No CLPL channel yet',
    text: 'No CLPL channel has been chosen for your school. A senior leader can @mention me in the staff CLPL channel with "use this channel".',
  },
  offer_closed_for_changes: { title: 'This session can no longer change', text: 'It has been cancelled or has already started, so it cannot be edited or cancelled. Type "manage offers" for the current list.' },
  not_facilitator: {
    title: 'Only the facilitator or SLT',
    text: 'Attendance and reports for a session are for its facilitator and your senior leadership team (for a group of schools\' session: its facilitator and the group\'s CLPL leads).',
  },
  session_not_started: { title: 'Not started yet', text: 'Attendance can be marked once the session has started.' },
  invalid_attendance: { title: 'Attendance not saved', text: 'Some of the people marked are not signed up for this session. Type "attendance" for an up-to-date list.' },
  not_an_attendee: { title: 'Feedback is for attendees', text: 'Only people marked as attending this session can give feedback on it.' },
  feedback_not_open: { title: 'Feedback not open yet', text: 'Feedback on this session opens when it ends.' },
  feedback_closed: { title: 'Feedback has closed', text: 'Feedback for this session has closed, so answers can no longer be given or changed.' },
  invalid_feedback: { title: 'Please check your answers', text: 'Some answers need another look.' },
  report_period_unknown: { title: 'No such period', text: 'That term is not one of this school year. Type "report" to choose again.' },
  proposal_not_found: { title: 'Proposal not found', text: 'That proposed offer no longer exists.' },
  record_not_found: { title: 'Record not found', text: 'There is no record here that you may download.' },
  proposal_already_decided: { title: 'Already decided', text: 'Another senior leader has already approved or declined this proposal, so nothing was changed.' },
  person_unknown: {
    title: 'No such person in your school',
    text: 'I know no one of that name, email or id in your school (or they have already been erased), so nothing was changed. Type "leavers" to see who has left.',
  },
  cannot_erase_self: { title: 'Not yourself', text: 'You cannot erase yourself. Ask another senior leader, so that someone else confirms it. Nothing was changed.' },
  goals_not_erased: {
    title: 'Nothing erased yet',
    text: 'The goals kept in SharePoint could not all be deleted just now, so nothing in the app was erased. Press Erase again in a few minutes: it carries on where it stopped.',
  },
  follow_up_not_attendee: { title: 'The follow-up is for attendees', text: 'Only people marked as attending this session are asked how it changed their practice.' },
  follow_up_not_open: { title: 'Follow-up not open', text: 'The practice follow-up for this session is not open (it opens some weeks after the session; you will get a message).' },
  follow_up_closed: { title: 'Follow-up has closed', text: 'The practice follow-up for this session has closed, so answers can no longer be given or changed.' },
  invalid_follow_up: { title: 'Please check your answers', text: 'Some answers need another look.' },
  share_not_allowed: { title: 'Sharing is for attendees', text: 'Learning from a session can be shared by the people who attended it, or its facilitator, once it has ended.' },
  already_shared: { title: 'Already shared', text: 'You have already shared your learning from this session: it is in the replies under the session\'s card.' },
  invalid_share: { title: 'Please check what you share', text: 'Some of the share needs another look.' },
  programme_not_slt: { title: 'Only senior leaders and group CLPL leads can import a programme', text: 'Importing a programme of CLPL offers is for your school\'s senior leadership team (offers to your school) and the CLPL leads of a group of schools (offers to that group), so nothing was imported. Type "help" to see what you can do.' },
  programme_not_found: { title: 'Programme not found', text: 'That imported programme is no longer kept. Send the CSV file again to see a new preview.' },
  programme_file_unreadable: { title: 'Could not read the file', text: 'I could not fetch that file from Teams (it may be too large or the link may have expired), so nothing was imported. Send it again in a minute.' },
  group_not_found: { title: 'No such group', text: 'There is no group of schools with that id. Type "groups" to see the groups you lead and their ids.' },
  not_group_lead: {
    title: 'Only the group\'s CLPL leads',
    text: 'Changing a group of schools, offering CLPL to it and reading its reports are for its CLPL leads (or the leads of a group that contains it). A school\'s senior leaders cannot change a group\'s offer. Nothing was changed.',
  },
  group_needs_a_lead: { title: 'The group needs a lead', text: 'That would leave no one to lead the group. Add another lead first, then remove this one. Nothing was changed.' },
  group_school_unknown: { title: 'No such school', text: 'I know no school by that name or id. A school is known once the app is added to its team. Nothing was changed.' },
  group_lead_unknown: {
    title: 'No colleague with that email',
    text: 'I know no one with that email in any school using the app (they need to be in a school\'s team). Nothing was changed.',
  },
  school_not_in_group: {
    title: 'Not offered to your school',
    text: 'This session is offered to a group of schools that your school is not (or is no longer) part of, so you cannot sign up here. Nothing was changed.',
  },
  approval_not_pending: {
    title: 'Already answered',
    text: 'This place is no longer waiting for approval: it was answered by someone else, withdrawn, or the time to answer ran out. Nothing has changed.',
  },
  not_your_school_approval: {
    title: 'Not one of your staff',
    text: "You can only approve or decline places for people in your own school (or, where the school asks line managers, your own direct reports). Nothing has changed.",
  },
  offer_card_missing: { title: 'No card to reply to', text: 'This session\'s card is not in a CLPL channel, so there is nowhere to share under it.' },
  share_in_progress: { title: 'Being shared', text: 'Your summary is being posted under the session\'s card just now (you pressed Share twice). It is posted once.' },
  share_not_posted: { title: 'Saved, not posted yet', text: 'Your summary is saved, but it could not be posted in the channel just now. Press "Share in the channel" again in a minute to post it.' },
  observation_not_found: { title: 'Peer observation not found', text: 'That peer observation no longer exists.' },
  observation_not_yours: {
    title: 'Not your peer observation',
    text: 'A peer observation and its reflections are for the two colleagues taking part only, so you cannot see or change this one. Nothing was changed.',
  },
  observation_already_decided: { title: 'Already decided', text: 'This peer observation has already been accepted, declined or cancelled, so nothing was changed. The cards you were sent about it show where it stands.' },
  observation_closed: { title: 'Too late to change', text: 'The time for this visit has passed, so it can no longer be accepted or cancelled.' },
  observation_not_open: { title: 'Not open for reflection', text: 'Reflections are written after an accepted visit has taken place. You will get a message when it is time.' },
  invalid_observation: { title: 'Please check the peer observation', text: 'Some details need another look.' },
  invalid_observation_reflection: { title: 'Please check your reflection', text: 'Some of the reflection needs another look.' },
};

export const unexpectedErrorText = {
  title: 'Something went wrong',
  text: 'Sorry, I could not do that just now. Nothing was changed. Please try again in a moment.',
};
