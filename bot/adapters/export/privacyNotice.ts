import { PrivacySettings } from '../../privacyConfig';
import { html, Html, page } from './html';

export interface NoticeFacts {
  privacy: PrivacySettings;
  /** Goals in a SharePoint list (GOALS_STORE=graph) or in the app database. */
  goalsInSharePoint: boolean;
  /** Below this many responses a session's feedback is not shown to senior leaders. */
  minResponsesToShow: number;
  /** How long records are kept (CLPL_RETENTION_YEARS) and a leaver's data after they left (CLPL_LEAVER_RETENTION_DAYS). */
  retention: { recordYears: number; leaverDays: number };
  /** Local mode: say loudly that this is a development server. */
  localMode: boolean;
}

/** A setting's value, or a red placeholder naming the variable a deployer must set. */
function setting(value: string | null, variable: string, what: string): Html {
  if (value !== null) return html`${value}`;
  return html`<span class="placeholder">[Placeholder: ${what} is not set. The deployment sets ${variable}.]</span>`;
}

const regionNames: Record<string, string> = { uksouth: 'UK South (London)', ukwest: 'UK West (Cardiff)', northeurope: 'North Europe (Ireland)', westeurope: 'West Europe (Netherlands)' };

function region(value: string | null): Html {
  if (value === null) return setting(null, 'CLPL_DATA_REGION', 'the Azure region');
  return html`Microsoft Azure, region ${regionNames[value] ? html`${regionNames[value]} (${value})` : value}`;
}

function header(facts: NoticeFacts): Html {
  const missing = [facts.privacy.controllerName, facts.privacy.controllerContact, facts.privacy.dpoContact, facts.privacy.dataRegion].some((v) => v === null);
  return html`${facts.localMode ? html`<p class="placeholder">This is a local development server: the details below are placeholders, not a real school's notice.</p>` : ''}
${missing && !facts.localMode ? html`<p class="placeholder">This notice is not complete: the deployment has not set every detail below. Ask your school office.</p>` : ''}`;
}

/** The privacy notice served at /privacy (the Teams manifest's privacyUrl), filled from the deployment's settings. */
export function renderPrivacyNotice(facts: NoticeFacts): string {
  const p = facts.privacy;
  const controller = setting(p.controllerName, 'CLPL_CONTROLLER_NAME', 'the data controller');
  const body = html`
${header(facts)}
<h1>Privacy notice: CLPL for Microsoft Teams</h1>
<p>This app helps staff find, sign up for and record Career-Long Professional Learning (CLPL). This notice says what it keeps about you, why, where, for how long, who can see it, and how to ask for a copy or for it to be erased.</p>

<h2>Who is responsible</h2>
<dl>
<dt>Data controller</dt><dd>${controller}</dd>
<dt>Contact</dt><dd>${setting(p.controllerContact, 'CLPL_CONTROLLER_CONTACT', 'the controller’s contact')}</dd>
<dt>Data protection officer</dt><dd>${setting(p.dpoContact, 'CLPL_DPO_CONTACT', 'the data protection officer’s contact')}</dd>
</dl>
<p>The school or local authority that runs the app is the controller of everything it keeps about staff. The app runs in its own Microsoft 365 tenant and its own Azure subscription; the app's authors receive nothing.</p>

<h2>What is kept</h2>
<ul>
<li><strong>Who you are in Teams</strong>: your Microsoft Entra object id, your name as shown in the team, the schools (teams) you were seen in, and your email (sign-in) address when the team roster or Microsoft Graph gives it.</li>
<li><strong>Sign-ups</strong>: the sessions you signed up for, your place or place on the waitlist, and when.</li>
<li><strong>Attendance and hours</strong>: whether you attended each session, as marked by its facilitator or a senior leader, and the hours it counts toward your yearly CLPL; your share of full time if you or a senior leader set it.</li>
<li><strong>Feedback</strong>: your ratings and what you will do differently after a session. If you choose to answer anonymously, your name is hidden in reports, but the app still keeps which answer is yours so that you can change it: your answer is <em>pseudonymous</em>, not anonymous.</li>
<li><strong>Reflections and goals</strong>: your PRD reflections (seen by you and your line manager), your goals with their progress notes and evidence, and CLPL you log yourself.</li>
<li><strong>Line management</strong>: who line-manages whom, from Microsoft Graph or from a list a senior leader imports.</li>
<li><strong>How the app reaches you</strong>: the Teams conversation address for your 1:1 chat with the bot, whether a message could not reach you and why, and a secret for your private calendar address if you asked for one.</li>
<li><strong>Offers and proposals</strong> you created, proposed, facilitated or decided, and the attendance you marked.</li>
<li><strong>Downloads of records</strong>: who downloaded whose record, in which format, and when (ids only).</li>
</ul>
<p>Logs of the app's operation hold ids, never message text or names.</p>

<h2>Why</h2>
<p>To organise CLPL in the school, to keep the record of professional learning that teachers maintain for the GTC Scotland Professional Update, to support Professional Review and Development (PRD), and to let senior leaders evaluate the impact of CLPL. The controller's lawful basis is set out in its own records; for staff CPD this is usually the performance of a task in the public interest (UK GDPR article 6(1)(e)) or, for an independent school, legitimate interests (article 6(1)(f)).</p>

<h2>Where</h2>
<p>${region(p.dataRegion)}: the app's database (Azure Database for PostgreSQL) and web server (Azure App Service). ${facts.goalsInSharePoint ? 'Your goals are kept in a SharePoint list in the school’s Microsoft 365 tenant.' : 'Your goals are kept in the app’s database.'} Messages reach you through Microsoft Teams (the Bot Framework service).</p>

<h2>How long</h2>
<p>Records of sessions (sign-ups, attendance, feedback), reflections, logged CLPL and messages are kept for ${facts.retention.recordYears} years; after that a daily job deletes them or, where the school keeps totals (attendance counts, feedback means, hours per term), removes your name and id from them. Your goals, calendar address and line-management links are kept while you are on the staff. When you leave every team of the school you are recorded as a leaver, and your data is erased ${facts.retention.leaverDays} days later in the same way, unless a senior leader erases it sooner. You can ask for erasure at any time (see below).</p>
<p>Database backups are kept for 14 days, then overwritten.</p>

<h2>Who sees what</h2>
<ul>
<li><strong>You</strong> see everything about yourself, in the My CLPL tab and by saying "my record" to the bot.</li>
<li><strong>Your line manager</strong> sees your goals, your CLPL record and hours, and the PRD reflections you submit to them.</li>
<li><strong>Facilitators</strong> see who signed up for and attended their sessions.</li>
<li><strong>Senior leaders</strong> see sign-ups, attendance and hours for the school, and feedback summaries. A session's answers are shown only once at least ${facts.minResponsesToShow} people have answered, and the names of those who answered anonymously are never shown. A senior leader may download a member of staff's whole record to answer a subject access request; every such download is logged.</li>
<li><strong>Colleagues</strong> in the CLPL channel see how many places are taken on a session, not who took them.</li>
</ul>

<h2>Processors</h2>
<p>Microsoft (Azure, Microsoft 365, Teams and the Bot Framework service), under the controller's agreement with Microsoft. No other organisation receives your data.</p>

<h2>Your rights</h2>
<p>You may have a copy of everything the app keeps about you at any time: say "my record" to the CLPL bot, or use "Your record" in the My CLPL tab (a readable page and a JSON file, and your MyPL entries). You may also ask ${controller} for a copy, for a correction, or for erasure, at ${setting(p.controllerContact, 'CLPL_CONTROLLER_CONTACT', 'the controller’s contact')}. If you are unhappy with how your data is handled, contact the data protection officer; you may also complain to the Information Commissioner's Office (ico.org.uk).</p>
`;
  return page('Privacy notice: CLPL', body);
}

/** The terms of use served at /terms (the Teams manifest's termsOfUseUrl). */
export function renderTermsOfUse(facts: NoticeFacts): string {
  const controller = setting(facts.privacy.controllerName, 'CLPL_CONTROLLER_NAME', 'the organisation that runs this app');
  const body = html`
${header(facts)}
<h1>Terms of use: CLPL for Microsoft Teams</h1>
<p>This app is provided to staff by ${controller} for organising and recording Career-Long Professional Learning. Use it as you would any of your employer's systems, under its acceptable use policy.</p>
<ul>
<li>Sign up only for sessions you mean to attend, and withdraw when you cannot go, so that the place passes to the next person waiting.</li>
<li>Write feedback, reflections and goals as you would in any professional record: they are kept (see the <a href="/privacy">privacy notice</a>) and may be seen by those listed there.</li>
<li>Keep your private calendar address and your download links to yourself: anyone who has one can see what it shows.</li>
</ul>
<p>Questions about the app go to ${setting(facts.privacy.controllerContact, 'CLPL_CONTROLLER_CONTACT', 'the contact')}.</p>
`;
  return page('Terms of use: CLPL', body);
}
