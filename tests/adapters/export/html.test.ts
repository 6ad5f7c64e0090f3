import { html, page, paragraphs } from '../../../bot/adapters/export/html';

describe('server-rendered pages', () => {
  it('escape everything a person typed, in text and in attributes', () => {
    const typed = `<script>alert("x")</script><img src=x onerror='y'>&`;
    const out = html`<p title="${typed}">${typed}</p>${paragraphs(`${typed}\nsecond line`)}`.text;
    expect(out).not.toMatch(/<script|<img/);
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=&#39;y&#39;&gt;&amp;');
    expect(out).toContain('<br>second line');
  });

  it('are whole printable documents with no script', () => {
    const doc = page('A <title>', html`<h1>${'Hi'}</h1>`);
    expect(doc).toMatch(/^<!doctype html>/);
    expect(doc).toContain('<title>A &lt;title&gt;</title>');
    expect(doc).toContain('@media print');
    expect(doc).not.toMatch(/<script/i);
  });
});
