import type { PresentedPersonalRecord } from '../../http/records/presenter';
import { html, Html, page, paragraphs } from './html';

/** An ISO instant as a reader in the school's time zone says it, e.g. "3 Mar 2026, 15:45". */
function when(iso: string | null, timeZone: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

function table(headers: string[], rows: unknown[][], empty: string): Html {
  if (rows.length === 0) return html`<p class="empty">${empty}</p>`;
  return html`<table><thead><tr>${headers.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead><tbody>${rows.map((row) => html`<tr>${row.map((cell) => html`<td>${cell}</td>`)}</tr>`)}</tbody></table>`;
}

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/**
 * The readable record (record.html): the same data as record.json, section by section, as a tidy page a person can
 * read or print (to PDF from the browser's print dialog).
 */
export function renderRecordPage(r: PresentedPersonalRecord): string {
  const t = (iso: string | null) => when(iso, r.timeZone);
  const body = html`
<h1>CLPL record: ${r.person.name}</h1>
<p class="meta">Everything the CLPL app keeps about ${r.person.name} (id ${r.person.id}), made ${t(r.generatedAt)} for ${r.requestedBy.name}. Times are in ${r.timeZone}. The same record is available as JSON.</p>

<h2>Schools and how you were seen</h2>
${table(['School', 'Name in the team', 'Email', 'Last seen'], r.memberships.map((m) => [m.schoolName, m.nameSeen, m.email ?? '—', t(m.lastSeenAt)]), 'No school membership is recorded.')}

<h2>Hours by school year</h2>
${table(['School year', 'Sessions attended (hours)', 'Peer observations (hours)', 'CLPL logged (hours)', 'Total (hours)'], r.hoursByYear.map((y) => [y.year, y.attendedHours, y.observedHours, y.loggedHours, y.totalHours]), 'No hours recorded.')}

<h2>Sign-ups</h2>
${table(['Session', 'Starts', 'Place', 'Queue number', 'Signed up', 'Last change'], r.signUps.map((s) => [s.session.title, t(s.session.startsAt), s.status, s.queueNumber, t(s.signedUpAt), t(s.updatedAt)]), 'No sign-ups.')}

<h2>Attendance</h2>
${table(['Session', 'Starts', 'Facilitator', 'Attended', 'Hours', 'Marked by', 'Marked'], r.attendance.map((a) => [a.session.title, t(a.session.startsAt), a.session.facilitator, yesNo(a.attended), a.hours, a.recordedBy.name, t(a.recordedAt)]), 'No attendance recorded.')}

<h2>Feedback you gave</h2>
<p class="note">Feedback you gave anonymously is included: it is yours. "Anonymous" hides your name in reports to senior leaders; the app still keeps which answer is yours (so you can change it), which is why it is here.</p>
${r.feedback.length === 0 ? html`<p class="empty">No feedback given.</p>` : r.feedback.map((f) => html`<div class="entry"><h3>${f.session.title} (${t(f.session.startsAt)})</h3>
<dl><dt>Value of the session</dt><dd>${f.value} of 5</dd>
<dt>Knowledge</dt><dd>${f.before.knowledge} before, ${f.after.knowledge} after</dd>
<dt>Understanding</dt><dd>${f.before.understanding} before, ${f.after.understanding} after</dd>
<dt>Confidence</dt><dd>${f.before.confidence} before, ${f.after.confidence} after</dd>
<dt>What I will do differently</dt><dd>${paragraphs(f.practiceChange)}</dd>
<dt>Related goal</dt><dd>${f.relatedGoalId ?? f.legacyRelatedGoal ?? '—'}</dd>
<dt>Anonymous</dt><dd>${yesNo(f.anonymous)}</dd>
<dt>Given</dt><dd>${t(f.submittedAt)} (last changed ${t(f.updatedAt)})</dd></dl></div>`)}

<h2>CLPL you logged</h2>
${table(['Date', 'Kind', 'Title', 'Hours', 'Reflection', 'Goal'], r.loggedClpl.map((a) => [a.date, a.kindLabel, a.title, a.hours, paragraphs(a.reflection), a.goalId ?? '—']), 'No CLPL logged.')}

<h2>Goals</h2>
<p class="meta">Kept in ${r.goals.keptIn}.</p>
${r.goals.items.length === 0 ? html`<p class="empty">No goals.</p>` : r.goals.items.map((g) => html`<div class="entry"><h3>${g.title}</h3>
<dl><dt>Id</dt><dd>${g.id}</dd><dt>Success criteria</dt><dd>${paragraphs(g.successCriteria)}</dd><dt>Standard area</dt><dd>${g.standardArea}</dd>
<dt>Target date</dt><dd>${g.targetDate ?? '—'}</dd><dt>Status</dt><dd>${g.status}</dd><dt>Created</dt><dd>${t(g.createdAt)}</dd><dt>Last changed</dt><dd>${t(g.updatedAt)}</dd></dl>
${table(['Date', 'Progress note'], g.progressNotes.map((n) => [n.date, paragraphs(n.text)]), 'No progress notes.')}
${table(['Evidence', 'Kind', 'Reference'], g.evidence.map((e) => [e.label, e.kind, e.ref]), 'No evidence linked.')}</div>`)}

<h2>PRD reflections</h2>
${r.reflections.length === 0 ? html`<p class="empty">No reflection prompts.</p>` : r.reflections.map((p) => html`<div class="entry"><h3>Prompted ${t(p.promptedAt)}, due ${p.dueDate}</h3>
<dl><dt>From (manager id)</dt><dd>${p.managerId}</dd><dt>Message</dt><dd>${p.message ?? '—'}</dd><dt>Delivered</dt><dd>${p.delivery}</dd>
${p.answer ? html`<dt>Answer</dt><dd>${p.answer.status}, last saved ${t(p.answer.updatedAt)}${p.answer.submittedAt ? html`, submitted ${t(p.answer.submittedAt)}` : ''}</dd>
<dt>Learning with most impact</dt><dd>${paragraphs(p.answer.impactfulLearning)}</dd><dt>How I know</dt><dd>${paragraphs(p.answer.howYouKnow)}</dd>
<dt>Progress on goals</dt><dd>${p.answer.goalProgress.length === 0 ? '—' : p.answer.goalProgress.map((g) => html`<strong>${g.goalTitle}</strong>: ${paragraphs(g.progress)}<br>`)}</dd>
<dt>Focus next year</dt><dd>${p.answer.nextYearFocus.join('; ') || '—'}</dd><dt>Standard areas</dt><dd>${p.answer.standardAreas.join('; ') || '—'}</dd>` : html`<dt>Answer</dt><dd>None yet</dd>`}</dl></div>`)}

<h2>Line management</h2>
${table(['School', 'Your line manager (id)'], r.lineManagement.managers.map((m) => [m.schoolId, m.managerId]), 'No line manager is recorded in the app.')}
${table(['School', 'Direct report (id)'], r.lineManagement.directReports.map((d) => [d.schoolId, d.staffId]), 'No direct reports are recorded in the app.')}
${table(['Reflection prompts you sent', 'Due', 'Message'], r.reflectionPromptsSent.map((p) => [t(p.createdAt), p.dueDate, p.message ?? '—']), 'You have sent no reflection prompts.')}

<h2>Work pattern</h2>
${r.workPattern ? html`<p>${r.workPattern.ftePercent}% of full time, set by ${r.workPattern.setBy.name} on ${t(r.workPattern.setAt)}.</p>` : html`<p class="empty">Not set (counted as full time).</p>`}

<h2>How the app reaches you</h2>
<dl><dt>Teams 1:1 chat address</dt><dd>${r.reachability.conversationAddressHeld ? html`Held (last updated ${t(r.reachability.conversationAddressUpdatedAt)})` : 'Not held'}</dd>
<dt>Private calendar address</dt><dd>${r.reachability.calendarFeed ? html`Made ${t(r.reachability.calendarFeed.createdAt)} (the secret address itself is not shown here; say "my calendar" to the bot)` : 'None'}</dd>
<dt>Could not be reached</dt><dd>${r.reachability.unreachable ? html`${r.reachability.unreachable.reason ?? 'unknown reason'}, recorded ${t(r.reachability.unreachable.updatedAt)}${r.reachability.unreachable.installRequestedAt ? html`; the app was installed for you ${t(r.reachability.unreachable.installRequestedAt)}` : ''}` : 'No'}</dd></dl>
${table(['Message', 'Queued', 'Sent', 'Status'], r.notices.map((n) => [n.kind, t(n.createdAt), t(n.sentAt), n.status]), 'The bot has sent you no messages of its own.')}

<h2>Offers and proposals</h2>
${table(['Proposed offer', 'Starts', 'Status', 'Decided by', 'Reason'], r.proposals.map((p) => [p.title, t(p.startsAt), p.status, p.decision?.by.name ?? '—', p.decision?.reason ?? '—']), 'No offers proposed.')}
${table(['Proposal decided (id)', 'Outcome', 'When'], r.proposalDecisions.map((d) => [d.proposalId, d.status, t(d.decidedAt)]), 'No proposals decided.')}
${table(['Offer created', 'Created'], r.offersCreated.map((o) => [o.title, t(o.createdAt)]), 'No offers created.')}
${table(['Session facilitated', 'Starts', 'Status'], r.sessionsFacilitated.map((s) => [s.title, t(s.startsAt), s.status]), 'No sessions facilitated.')}
${table(['Attendance marked for', 'People', 'Last marked'], r.attendanceRecorded.map((a) => [a.title, a.people, t(a.lastRecordedAt)]), 'No attendance marked.')}

<h2>Downloads of this record</h2>
${table(['Downloaded by (id)', 'Format', 'When'], r.downloads.map((d) => [d.requesterId, d.format, t(d.at)]), 'None before this one.')}
${table(['Records of others you downloaded (id)', 'Format', 'When'], r.downloadsMade.map((d) => [d.subjectId, d.format, t(d.at)]), 'None.')}
${table(['Practice follow-up (session)', 'Used it', 'What changed', 'Effect on pupils', 'Evidence', 'Confidence now', 'Updated'], r.followUps.map((f) => [f.title, f.used, f.practiceChange, f.pupilEffect, f.evidence, String(f.confidenceNow), t(f.updatedAt)]), 'None.')}
${table(['Learning you shared (session)', 'Summary', 'Links', 'Shared'], r.learningShares.map((s) => [s.title, s.summary, s.resources.join(' '), t(s.sharedAt)]), 'None.')}
${table(['Peer observation (focus)', 'With', 'Your role', 'When', 'Status', 'Hours', 'What you noticed', 'What you take away'], r.peerObservations.map((o) => [o.focus, o.colleague.name, o.role, t(o.startsAt), o.status, o.hours, o.reflection?.noticed ?? '—', o.reflection?.takeaway ?? '—']), 'None.')}
${table(['Schools you are recorded as having left', 'When'], r.leftSchools.map((l) => [l.schoolId, t(l.leftAt)]), 'None.')}
${table(['Group of schools you lead', 'Made a lead by (id)', 'Since'], r.groupsLed.map((g) => [g.groupName, g.addedById ?? 'the groups file', t(g.since)]), 'None.')}
${table(['Group lead you added (id)', 'Group', 'When'], r.groupLeadsAdded.map((g) => [g.personId, g.groupId, t(g.at)]), 'None.')}
${table(['Erasures you carried out (id)', 'School', 'Why', 'When'], r.erasuresCarriedOut.map((e) => [e.erasureId, e.schoolId, e.reason, t(e.at)]), 'None.')}
`;
  return page(`CLPL record: ${r.person.name}`, body);
}
