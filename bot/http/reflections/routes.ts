import { Server } from 'restify';
import { myReflections } from '../../app/reflections/answerReflection';
import { TabRouteContext } from '../tabApi';
import { presentReflection } from './presenter';

/** GET /api/tab/reflections: the caller's own reflections (submitted and draft, and prompts not yet answered). No input. */
export function mountReflectionRoutes(server: Server, { route, app }: TabRouteContext): void {
  server.get('/api/tab/reflections', route(async ({ person }) => ({ body: { reflections: (await myReflections(app, person.id)).map(presentReflection) } })));
}
