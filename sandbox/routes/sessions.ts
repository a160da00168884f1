import { isObject, isoTime, type RequestContext } from '../context';
import { newSessionId } from '../ids';
import { errors, noContent, ok, type SandboxResponse } from '../response';
import type { Route } from '../router';
import { ORG_ID } from '../seed';
import type { SessionRecord } from '../store';
import { sessionEnded, sessionStarted } from '../systemLog/events';

function createSession(ctx: RequestContext): SandboxResponse {
	if (ctx.bodyMalformed || ctx.body === undefined) return errors.malformedBody();
	if (!isObject(ctx.body) || typeof ctx.body.sessionToken !== 'string') {
		return errors.validation(['sessionToken: The field cannot be left blank']);
	}

	const { store } = ctx.org;
	const token = store.sessionTokens.get(ctx.body.sessionToken);
	const user = token && store.userById(token.userId);
	if (!token || !user || token.expiresAt <= ctx.now) return errors.authenticationFailed();

	store.sessionTokens.delete(ctx.body.sessionToken);
	const session: SessionRecord = {
		id: newSessionId(),
		userId: user.id,
		createdAt: ctx.now,
		expiresAt: ctx.now + ctx.org.sessionLifetimeMs,
		lastPasswordVerification: ctx.now,
		ended: false,
	};
	store.sessions.set(session.id, session);
	user.lastLogin = isoTime(ctx.now);
	store.logEvents.push(sessionStarted(ctx, user, session.id));

	return ok(sessionJson(ctx, session));
}

function getSession(ctx: RequestContext): SandboxResponse {
	const session = ctx.org.store.liveSession(ctx.params.sessionId, ctx.now);
	if (!session) return errors.notFound(ctx.params.sessionId, 'Session');

	return ok(sessionJson(ctx, session));
}

function refreshSession(ctx: RequestContext): SandboxResponse {
	const session = ctx.org.store.liveSession(ctx.params.sessionId, ctx.now);
	if (!session) return errors.notFound(ctx.params.sessionId, 'Session');

	session.expiresAt = ctx.now + ctx.org.sessionLifetimeMs;
	return ok(sessionJson(ctx, session));
}

function endSession(ctx: RequestContext): SandboxResponse {
	const { store } = ctx.org;
	const session = store.liveSession(ctx.params.sessionId, ctx.now);
	const user = session && store.userById(session.userId);
	if (!session || !user) return errors.notFound(ctx.params.sessionId, 'Session');

	session.ended = true;
	store.logEvents.push(sessionEnded(ctx, user, session.id));
	return noContent();
}

/** Okta's Session object; `lastFactorVerification` is null when no second factor was used. */
function sessionJson(ctx: RequestContext, session: SessionRecord) {
	const user = ctx.org.store.userById(session.userId);
	const self = `${ctx.org.baseUrl}/api/v1/sessions/${session.id}`;
	return {
		id: session.id,
		userId: session.userId,
		login: user?.login,
		createdAt: isoTime(session.createdAt),
		expiresAt: isoTime(session.expiresAt),
		status: 'ACTIVE',
		lastPasswordVerification: isoTime(session.lastPasswordVerification),
		lastFactorVerification: null,
		amr: ['pwd'],
		idp: { id: ORG_ID, type: 'OKTA' },
		mfaActive: false,
		_links: {
			self: { href: self, hints: { allow: ['DELETE'] } },
			refresh: { href: `${self}/lifecycle/refresh`, hints: { allow: ['POST'] } },
			user: {
				name: user ? `${user.firstName} ${user.lastName}` : undefined,
				href: `${ctx.org.baseUrl}/api/v1/users/${session.userId}`,
				hints: { allow: ['GET'] },
			},
		},
	};
}

const READ = ['okta.sessions.read', 'okta.sessions.manage'];
const MANAGE = ['okta.sessions.manage'];

export const sessionRoutes: Route[] = [
	{
		method: 'POST',
		pattern: '/api/v1/sessions',
		bucket: 'sessions',
		access: { kind: 'admin', scopes: MANAGE, write: true, apiTokenOnly: true },
		handle: createSession,
	},
	{
		method: 'GET',
		pattern: '/api/v1/sessions/:sessionId',
		bucket: 'sessions',
		access: { kind: 'admin', scopes: READ, write: false },
		handle: getSession,
	},
	{
		method: 'POST',
		pattern: '/api/v1/sessions/:sessionId/lifecycle/refresh',
		bucket: 'sessions',
		access: { kind: 'admin', scopes: MANAGE, write: true },
		handle: refreshSession,
	},
	{
		method: 'DELETE',
		pattern: '/api/v1/sessions/:sessionId',
		bucket: 'sessions',
		access: { kind: 'admin', scopes: MANAGE, write: true },
		handle: endSession,
	},
];
