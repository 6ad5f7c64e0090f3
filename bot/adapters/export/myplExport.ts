import { stringify } from 'csv-stringify/sync';
import { safeCell } from '../../app/reports/impactCsv';
import { myplColumns, MyplEntry, myplRows } from '../../domain/mypl';
import { Person } from '../../domain/person';
import { html, page, paragraphs } from './html';

/** The MyPL entries as CSV under MyPL's own words (domain/mypl.ts), safe to open in a spreadsheet. */
export function myplCsv(entries: readonly MyplEntry[]): string {
  return stringify([[...myplColumns], ...myplRows(entries).map((row) => row.map((cell) => safeCell(cell)))], { record_delimiter: '\r\n' });
}

/** The same entries as a printable page, one block per activity, to copy into MyPL or print for the PRD meeting. */
export function renderMyplPage(person: Person, entries: readonly MyplEntry[], generatedAt: string): string {
  const [date, title, kind, provider, hours, standards, impact] = myplColumns;
  const body = html`
<h1>Professional learning record: ${person.name}</h1>
<p class="meta">For the GTC Scotland MyPL portfolio and Professional Update. ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}, made ${generatedAt} from the CLPL app: sessions attended, peer observations you reflected on, CLPL logged, and PRD reflections submitted. The impact is in your own words, from your feedback and reflections.</p>
${entries.length === 0 ? html`<p class="empty">No professional learning is recorded yet.</p>` : entries.map(
    (e) => html`<div class="entry"><h2>${e.title}</h2>
<dl><dt>${date}</dt><dd>${e.date}</dd><dt>${title}</dt><dd>${e.title}</dd><dt>${kind}</dt><dd>${e.kind}</dd><dt>${provider}</dt><dd>${e.provider || '—'}</dd>
<dt>${hours}</dt><dd>${e.hours ?? '—'}</dd><dt>${standards}</dt><dd>${e.standards.join('; ') || '—'}</dd><dt>${impact}</dt><dd>${e.impact ? paragraphs(e.impact) : '—'}</dd></dl></div>`,
  )}
`;
  return page(`Professional learning record: ${person.name}`, body);
}
