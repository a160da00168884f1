import type { Route } from '../router';
import { authnRoutes } from './authn';
import { logRoutes } from './logs';
import { oauthRoutes } from './oauth';
import { sessionRoutes } from './sessions';
import { userRoutes } from './users';

export const routes: Route[] = [
	...authnRoutes,
	...oauthRoutes,
	...sessionRoutes,
	...userRoutes,
	...logRoutes,
];
