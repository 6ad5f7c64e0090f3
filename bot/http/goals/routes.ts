import { Server } from 'restify';
import { linkAttendedSession } from '../../app/goals/clplRecordUseCases';
import { addMyProgress, createMyGoal, editMyGoal, linkMyEvidence, listMyGoals } from '../../app/goals/goalUseCases';
import { TabRouteContext } from '../tabApi';
import { presentGoal } from './presenter';
import { addEvidenceBody, createGoalBody, editGoalBody, goalIdParam, progressBody } from './schema';

export function mountGoalRoutes(server: Server, { route, deps }: TabRouteContext): void {
  server.get('/api/tab/goals', route(async ({ person }) => ({ body: { goals: (await listMyGoals(deps, person.id)).map(presentGoal) } })));

  server.post(
    '/api/tab/goals',
    route(async ({ person, req }) => {
      const body = createGoalBody.parse(req.body ?? {});
      return { status: 201, body: { goal: presentGoal(await createMyGoal(deps, person.id, body)) } };
    }),
  );

  server.patch(
    '/api/tab/goals/:goalId',
    route(async ({ person, req }) => {
      const goalId = goalIdParam.parse(req.params.goalId);
      const { version, ...changes } = editGoalBody.parse(req.body ?? {});
      return { body: { goal: presentGoal(await editMyGoal(deps, { ownerId: person.id, goalId, version, changes })) } };
    }),
  );

  server.post(
    '/api/tab/goals/:goalId/progress',
    route(async ({ person, req }) => {
      const goalId = goalIdParam.parse(req.params.goalId);
      const body = progressBody.parse(req.body ?? {});
      return { body: { goal: presentGoal(await addMyProgress(deps, { ownerId: person.id, goalId, ...body })) } };
    }),
  );

  server.post(
    '/api/tab/goals/:goalId/evidence',
    route(async ({ person, req }) => {
      const goalId = goalIdParam.parse(req.params.goalId);
      const body = addEvidenceBody.parse(req.body ?? {});
      const goal =
        body.kind === 'link'
          ? await linkMyEvidence(deps, { ownerId: person.id, goalId, version: body.version, link: { kind: 'link', ref: body.ref, label: body.label } })
          : await linkAttendedSession(deps, { ownerId: person.id, goalId, version: body.version, offerId: body.ref });
      return { body: { goal: presentGoal(goal) } };
    }),
  );
}
