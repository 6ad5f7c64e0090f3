import { Server } from 'restify';
import { calendarLinks } from '../../app/calendar/calendarFeed';
import { logMyClpl, myClplRecord } from '../../app/goals/clplRecordUseCases';
import { presentGoal } from '../goals/presenter';
import { TabRouteContext } from '../tabApi';
import { presentActivity, presentRecord } from './presenter';
import { logActivityBody, offerIdParam } from './schema';

export function mountClplRoutes(server: Server, { route, deps, app, withdraw }: TabRouteContext): void {
  const recordOf = async (personId: string) => presentRecord(...(await Promise.all([myClplRecord(deps, personId), calendarLinks(app, personId)])));

  server.get('/api/tab/clpl', route(async ({ person }) => ({ body: await recordOf(person.id) })));

  server.post(
    '/api/tab/clpl/activities',
    route(async ({ person, req }) => {
      const body = logActivityBody.parse(req.body ?? {});
      const { activity, goal } = await logMyClpl(deps, { ownerId: person.id, ...body });
      return { status: 201, body: { activity: presentActivity(activity), goal: goal && presentGoal(goal) } };
    }),
  );

  server.post(
    '/api/tab/sessions/:offerId/withdraw',
    route(async ({ person, req }) => {
      await withdraw(offerIdParam.parse(req.params.offerId), person.id);
      return { body: await recordOf(person.id) };
    }),
  );
}
