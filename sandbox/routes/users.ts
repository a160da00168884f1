import type { RequestContext } from '../context';
import { errors, noContent, ok, type SandboxResponse } from '../response';
import type { Route } from '../router';
import type { UserRecord } from '../store';
import { sessionsCleared } from '../systemLog/events';

function getUser(ctx: RequestContext): SandboxResponse {
	const { id } = ctx.params;
	const user = id === 'me' ? tokenOwner(ctx) : ctx.org.store.findUser(id);
	if (!user) return errors.notFound(id, 'User');

	return ok(userJson(ctx, user));
}

/** Lists users in ID order, `limit` at a time (default 200, Okta's), with `after` as the cursor. */
function listUsers(ctx: RequestContext): SandboxResponse {
	const limit = Number(ctx.query.get('limit') ?? '200');
	if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
		return errors.validation(['limit: The value must be an integer between 1 and 200']);
	}
	const after = ctx.query.get('after');
	const ordered = [...ctx.org.store.users].sort((a, b) => a.id.localeCompare(b.id));
	const remaining = after === null ? ordered : ordered.filter((user) => user.id > after);
	const page = remaining.slice(0, limit);

	const links = [`<${ctx.requestUrl}>; rel="self"`];
	if (remaining.length > limit) {
		const next = new URL(ctx.requestUrl);
		next.searchParams.set('after', page[page.length - 1].id);
		links.push(`<${next.toString()}>; rel="next"`);
	}
	return ok(
		page.map((user) => userJson(ctx, user)),
		{ Link: links },
	);
}

/** `me` is the admin who created the API token; a service app's access token has no user. */
function tokenOwner(ctx: RequestContext): UserRecord | undefined {
	return ctx.principal?.kind === 'apiToken' ? ctx.principal.user : undefined;
}

function revokeUserSessions(ctx: RequestContext): SandboxResponse {
	const invalid = ['oauthTokens', 'forgetDevices'].filter((name) => {
		const value = ctx.query.get(name);
		return value !== null && value !== 'true' && value !== 'false';
	});
	if (invalid.length > 0) {
		return errors.validation(invalid.map((name) => `${name}: The value must be true or false`));
	}

	const { store } = ctx.org;
	const user = store.userById(ctx.params.userId);
	if (!user) return errors.notFound(ctx.params.userId, 'User');

	for (const session of store.liveSessionsOf(user.id, ctx.now)) {
		session.ended = true;
	}
	store.logEvents.push(sessionsCleared(ctx, user));
	return noContent();
}

function userJson(ctx: RequestContext, user: UserRecord) {
	return {
		id: user.id,
		status: 'ACTIVE',
		created: user.created,
		activated: user.created,
		statusChanged: user.created,
		lastLogin: user.lastLogin,
		lastUpdated: user.created,
		passwordChanged: user.created,
		type: { id: 'oty1sandboxdefault01' },
		profile: {
			firstName: user.firstName,
			lastName: user.lastName,
			mobilePhone: null,
			secondEmail: null,
			login: user.login,
			email: user.login,
			locale: user.locale,
			timezone: user.timeZone,
		},
		credentials: {
			password: {},
			provider: { type: 'OKTA', name: 'OKTA' },
		},
		_links: {
			self: { href: `${ctx.org.baseUrl}/api/v1/users/${user.id}` },
		},
	};
}

export const userRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/api/v1/users',
		bucket: 'users',
		access: { kind: 'admin', scopes: ['okta.users.read', 'okta.users.manage'], write: false },
		handle: listUsers,
	},
	{
		method: 'GET',
		pattern: '/api/v1/users/:id',
		bucket: 'users',
		access: { kind: 'admin', scopes: ['okta.users.read', 'okta.users.manage'], write: false },
		handle: getUser,
	},
	{
		method: 'DELETE',
		pattern: '/api/v1/users/:userId/sessions',
		bucket: 'users',
		access: { kind: 'admin', scopes: ['okta.users.manage'], write: true },
		handle: revokeUserSessions,
	},
	// DELETE /api/v1/users/{id} deletes a user in Okta. The sandbox deliberately has no such route:
	// the method falls through to 405 and the request stays in `requests`, so tests can prove that
	// nothing ever asked for it.
];
