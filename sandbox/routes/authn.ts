import { isObject, isoTime, type RequestContext } from '../context';
import { newSessionToken } from '../ids';
import { errors, ok, type SandboxResponse } from '../response';
import type { Route } from '../router';

/** Okta's session tokens are single use and expire after five minutes. */
export const SESSION_TOKEN_LIFETIME_MS = 5 * 60 * 1000;

function primaryAuthentication(ctx: RequestContext): SandboxResponse {
	if (ctx.bodyMalformed || !isObject(ctx.body)) return errors.malformedBody();

	const { username, password } = ctx.body;
	const user = typeof username === 'string' ? ctx.org.store.userByLogin(username) : undefined;
	if (!user || password !== user.password) return errors.authenticationFailed();

	const sessionToken = newSessionToken();
	const expiresAt = ctx.now + SESSION_TOKEN_LIFETIME_MS;
	ctx.org.store.sessionTokens.set(sessionToken, { userId: user.id, expiresAt });

	return ok({
		expiresAt: isoTime(expiresAt),
		status: 'SUCCESS',
		sessionToken,
		_embedded: {
			user: {
				id: user.id,
				passwordChanged: user.created,
				profile: {
					login: user.login,
					firstName: user.firstName,
					lastName: user.lastName,
					locale: user.locale,
					timeZone: user.timeZone,
				},
			},
		},
	});
}

export const authnRoutes: Route[] = [
	{
		method: 'POST',
		pattern: '/api/v1/authn',
		bucket: 'authn',
		access: { kind: 'public' },
		handle: primaryAuthentication,
	},
];
