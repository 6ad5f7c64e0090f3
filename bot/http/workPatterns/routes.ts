import { Server } from 'restify';
import { calendarLinks } from '../../app/calendar/calendarFeed';
import { myClplRecord } from '../../app/goals/clplRecordUseCases';
import { setMyWorkPattern, setStaffWorkPattern, staffWorkPatterns } from '../../app/goals/workPatternUseCases';
import { presentRecord } from '../clpl/presenter';
import { TabRouteContext } from '../tabApi';
import { presentStaffPattern } from './presenter';
import { personIdParam, workPatternBody } from './schema';

/** Part-time staff's share of full time: set by the person, or by SLT for their school's staff. */
export function mountWorkPatternRoutes(server: Server, { route, deps, app }: TabRouteContext): void {
  server.put(
    '/api/tab/clpl/work-pattern',
    route(async ({ person, req }) => {
      const { ftePercent } = workPatternBody.parse(req.body ?? {});
      await setMyWorkPattern(app, { person, ftePercent });
      return { body: presentRecord(await myClplRecord(deps, person.id), await calendarLinks(app, person.id)) };
    }),
  );

  server.get('/api/tab/staff', route(async ({ person }) => ({ body: { staff: (await staffWorkPatterns(app, person.id)).map(presentStaffPattern) } })));

  server.put(
    '/api/tab/staff/:personId/work-pattern',
    route(async ({ person, req }) => {
      const personId = personIdParam.parse(req.params.personId);
      const { ftePercent } = workPatternBody.parse(req.body ?? {});
      const saved = await setStaffWorkPattern(app, { slt: person, personId, ftePercent });
      if (!saved) return { status: 404, body: { error: { code: 'person_not_found', message: 'That person is not on your school staff.' } } };
      return { body: { person: presentStaffPattern(saved) } };
    }),
  );
}
