/** Small helpers for the pages the server renders itself (records, MyPL, the privacy notice): every value is escaped. */

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => entities[c]!);
}

/** A marked-up fragment, already escaped: only `html` and `page` make them, so raw input cannot pass as one. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** A tagged template that escapes every interpolated value except fragments (arrays of them are joined). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

function render(value: unknown): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(value);
}

/** Multi-line text a person typed, with its line breaks kept. */
export function paragraphs(text: string | null | undefined): Html {
  const lines = (text ?? '').split(/\r?\n/);
  return html`${lines.map((line, i) => html`${i > 0 ? new Html('<br>') : ''}${line}`)}`;
}

const styles = `
  :root { color-scheme: light; }
  body { font: 15px/1.45 "Segoe UI", system-ui, -apple-system, sans-serif; color: #1b1b1b; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
  h1 { font-size: 1.6rem; margin-bottom: .25rem; }
  h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 2px solid #005eb8; padding-bottom: .2rem; }
  h3 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
  p.meta, .empty { color: #555; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
  th, td { border: 1px solid #c8c8c8; padding: .35rem .5rem; text-align: left; vertical-align: top; }
  th { background: #f0f4f8; font-weight: 600; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  .note { background: #fff8e1; border-left: 4px solid #f2b600; padding: .5rem .75rem; }
  .placeholder { background: #fde7e9; border-left: 4px solid #c50f1f; padding: .5rem .75rem; }
  @media print {
    body { margin: 0; max-width: none; font-size: 10.5pt; }
    h2 { break-after: avoid; }
    tr, dl, .entry { break-inside: avoid; }
    a { color: inherit; text-decoration: none; }
    .no-print { display: none; }
  }
`;

/** A whole page: a printable document, with no script and nothing loaded from elsewhere. */
export function page(title: string, body: Html): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${styles}</style>
</head>
<body>
${body.text}
</body>
</html>
`;
}

/** The headers every served page gets: no script may run in it, and nothing is framed or fetched from elsewhere. */
export const pageSecurityHeaders = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};
