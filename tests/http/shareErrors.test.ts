import pino from 'pino';
import { Request, Response } from 'restify';
import { errorText } from '../../bot/adapters/teams/errorText';
import { DomainError } from '../../bot/domain/errors';
import { sendError } from '../../bot/http/errors';

/** The HTTP answer sendError gives for an error (status and body), from a stand-in response. */
function answerFor(error: unknown): { status: number; body: { error: { code: string; message: string } } } {
  let answer: { status: number; body: { error: { code: string; message: string } } } | undefined;
  const res = { header: () => undefined, json: (status: number, body: { error: { code: string; message: string } }) => (answer = { status, body }) } as unknown as Response;
  const req = { getPath: () => '/api/test' } as unknown as Request;
  sendError(res, req, pino({ level: 'silent' }), error);
  return answer!;
}

describe('sharing errors over HTTP and on cards', () => {
  it('a share Teams would not take is 503 with its own code (the same request may succeed later), not a 500', () => {
    const notPosted = new DomainError('share_not_posted', 'Your summary is saved but could not be posted in the channel just now. Try again in a minute.', {}, new Error('HTTP 403'));
    expect(answerFor(notPosted)).toEqual({ status: 503, body: { error: { code: 'share_not_posted', message: notPosted.message } } });
    expect(notPosted.cause).toEqual(new Error('HTTP 403'));
    expect(answerFor(new DomainError('share_in_progress')).status).toBe(409);
  });

  it('each has a card text that says what happened to the share', () => {
    expect(errorText.share_not_posted.text).toContain('saved, but it could not be posted');
    expect(errorText.share_in_progress.text).toContain('posted once');
  });
});
