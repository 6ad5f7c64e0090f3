import fc from 'fast-check';
import { RunningServer } from '../../bot/server';
import { devUserHeader } from '../../bot/http/auth/identify';
import { maxBodyBytes } from '../../bot/http/edgeErrors';
import { startTabServer } from './tabServer';

/** Every route that takes input, as a client could call it (local mode: a development identity, from this machine). */
const routes: Array<{ method: string; path: string }> = [
  { method: 'POST', path: '/api/tab/goals' },
  { method: 'PATCH', path: '/api/tab/goals/g-1' },
  { method: 'POST', path: '/api/tab/goals/g-1/progress' },
  { method: 'POST', path: '/api/tab/goals/g-1/evidence' },
  { method: 'PUT', path: '/api/tab/clpl/work-pattern' },
  { method: 'PUT', path: '/api/tab/staff/demo-callum/work-pattern' },
  { method: 'POST', path: '/api/tab/clpl/activities' },
  { method: 'POST', path: '/api/tab/sessions/o-1/withdraw' },
  { method: 'GET', path: '/api/tab/team/demo-callum' },
  { method: 'GET', path: '/api/reports/offers/o-1.csv' },
  { method: 'GET', path: '/api/reports/periods/1.csv' },
  { method: 'POST', path: '/api/messages' },
];

/** Path segments as a broken client or a scanner sends them: bad percent-encoding, traversal, odd characters. */
const strangeSegment = fc.oneof(
  fc.constantFrom('%E0%A4%A', '%', '%zz', '..%2F..%2Fetc%2Fpasswd', '%00', 'x'.repeat(3000), '%F0%9F%98%80', ';', 'a%2Fb', '.csv', '99999999999999999999.csv'),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
);
const strangePath = fc.oneof(
  fc.tuple(fc.constantFrom('/tab/', '/api/tab/goals/', '/api/tab/team/', '/api/reports/offers/', '/api/reports/periods/', '/calendar/', '/api/tab/staff/'), strangeSegment).map(([prefix, segment]) => prefix + segment),
  fc.tuple(strangeSegment, strangeSegment).map(([token, file]) => `/calendar/${token}/sessions/${file}`),
  strangeSegment.map((token) => `/calendar/${token}/clpl.ics`),
);
const strangeBody = fc.oneof(
  fc.jsonValue().map((value) => ({ contentType: 'application/json', body: JSON.stringify(value) ?? 'null' })),
  fc.string({ maxLength: 100 }).map((text) => ({ contentType: 'application/json', body: text })),
  fc.string({ maxLength: 100 }).map((text) => ({ contentType: 'text/plain', body: text })),
  fc.object({ maxDepth: 3 }).map((value) => ({ contentType: 'application/json', body: JSON.stringify(value) })),
);

describe('The tab API, report and calendar routes under bad input', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTabServer();
  });
  afterAll(async () => server.close());

  const call = (method: string, path: string, init: { contentType?: string; body?: string; user?: string } = {}) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { [devUserHeader]: init.user ?? 'demo-callum', ...(init.contentType ? { 'content-type': init.contentType } : {}) },
      body: method === 'GET' ? undefined : init.body,
    });

  it('answers any body on any route without a 5xx', async () => {
    const cases = fc.sample(fc.tuple(fc.constantFrom(...routes), strangeBody), { numRuns: 400, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000) });
    const serverErrors: string[] = [];
    for (const [route, { contentType, body }] of cases) {
      const response = await call(route.method, route.path, { contentType, body });
      await response.text();
      if (response.status >= 500) serverErrors.push(`${route.method} ${route.path} ${contentType} ${body.slice(0, 200)} → ${response.status}`);
    }
    expect(serverErrors).toEqual([]);
  });

  it('answers any strange path without a 5xx', async () => {
    const paths = fc.sample(strangePath, { numRuns: 300, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000) });
    const serverErrors: string[] = [];
    for (const path of paths) {
      const response = await call('GET', path);
      await response.text();
      if (response.status >= 500) serverErrors.push(`GET ${path.slice(0, 200)} → ${response.status}`);
    }
    expect(serverErrors).toEqual([]);
  });

  it('answers a body that is not JSON with 400 invalid_json, in the app error shape', async () => {
    const response = await call('POST', '/api/tab/goals', { contentType: 'application/json', body: '{"title": ' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'invalid_json', message: expect.any(String) } });
  });

  it.each(['/api/tab/goals', '/api/messages'])('answers a body over the limit on %s with 413 payload_too_large, and stays up', async (path) => {
    const response = await call('POST', path, { contentType: 'application/json', body: JSON.stringify({ text: 'x'.repeat(6 * 1024 * 1024) }) });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { code: 'payload_too_large', message: expect.stringContaining(String(maxBodyBytes)) } });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('accepts a body just under the limit (the limit is not lower than documented)', async () => {
    const body = JSON.stringify({ title: 'x'.repeat(maxBodyBytes - 100) });
    const response = await call('POST', '/api/tab/goals', { contentType: 'application/json', body });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).not.toBe('payload_too_large');
  });

  it('answers an unknown route and a wrong method in the app error shape', async () => {
    const unknown = await call('GET', '/api/nothing-here');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    const wrongMethod = await call('DELETE', '/api/tab/goals');
    expect(wrongMethod.status).toBe(405);
    expect((await wrongMethod.json()).error.code).toBe('method_not_allowed');
  });
});
