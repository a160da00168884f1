import type { Principal } from '../auth';
import { isoTime, type RequestContext } from '../context';
import { newEventUuid } from '../ids';
import { SERVICE_APP } from '../seed';
import type { UserRecord } from '../store';

/** Okta's LogEvent, limited to the fields the sandbox fills. Okta sends `null` for absent values. */
export interface LogEvent {
	uuid: string;
	published: string;
	eventType: string;
	version: string;
	displayMessage: string;
	severity: 'INFO' | 'WARN';
	legacyEventType: string | null;
	actor: LogParty;
	target: LogParty[];
	client: {
		userAgent: { rawUserAgent: string; os: string; browser: string };
		zone: string | null;
		device: string;
		id: string | null;
		ipAddress: string;
		geographicalContext: typeof SANDBOX_LOCATION;
	};
	authenticationContext: {
		authenticationProvider: string | null;
		credentialProvider: string | null;
		credentialType: string | null;
		issuer: null;
		interface: string | null;
		authenticationStep: number;
		externalSessionId: string;
	};
	outcome: { result: string; reason: string | null };
	securityContext: Record<string, null>;
	debugContext: { debugData: Record<string, string> };
	transaction: { type: 'WEB'; id: string; detail: Record<string, string> };
	request: { ipChain: Array<Record<string, unknown>> };
}

export interface LogParty {
	id: string;
	type: string;
	alternateId: string;
	displayName: string;
	detailEntry: null;
}

/** The sandbox has no geo-IP database, so every client appears at one fixed place. */
const SANDBOX_LOCATION = {
	city: 'San Francisco',
	state: 'California',
	country: 'United States',
	postalCode: '94105',
	geolocation: { lat: 37.7898, lon: -122.3942 },
};

export function userParty(user: UserRecord): LogParty {
	return {
		id: user.id,
		type: 'User',
		alternateId: user.login,
		displayName: `${user.firstName} ${user.lastName}`,
		detailEntry: null,
	};
}

function principalParty(principal: Principal): LogParty {
	if (principal.kind === 'apiToken') return userParty(principal.user);
	return {
		id: principal.clientId,
		type: 'PublicClientApp',
		alternateId: principal.clientId,
		displayName: SERVICE_APP.name,
		detailEntry: null,
	};
}

/** `user.session.start`: a session was created from a session token. */
export function sessionStarted(ctx: RequestContext, user: UserRecord, sessionId: string): LogEvent {
	return buildEvent(ctx, {
		eventType: 'user.session.start',
		displayMessage: 'User login to Okta',
		legacyEventType: 'core.user_auth.login_success',
		actor: userParty(user),
		target: [],
		externalSessionId: sessionId,
		credentialType: 'PASSWORD',
	});
}

/** `user.session.end`: an admin ended one session of the user. */
export function sessionEnded(ctx: RequestContext, user: UserRecord, sessionId: string): LogEvent {
	return buildEvent(ctx, {
		eventType: 'user.session.end',
		displayMessage: 'User logout from Okta',
		legacyEventType: 'core.user_auth.logout_success',
		actor: principalParty(requirePrincipal(ctx)),
		target: [userParty(user)],
		externalSessionId: sessionId,
		credentialType: null,
	});
}

/** `user.session.clear`: an admin ended every session of the user. */
export function sessionsCleared(ctx: RequestContext, user: UserRecord): LogEvent {
	return buildEvent(ctx, {
		eventType: 'user.session.clear',
		displayMessage: 'Clear user session',
		legacyEventType: null,
		actor: principalParty(requirePrincipal(ctx)),
		target: [userParty(user)],
		// An API call has no browser session; Okta then names the transaction (`trs…`) instead.
		externalSessionId: 'trs' + ctx.requestId.slice(0, 22),
		credentialType: null,
	});
}

interface EventFacts {
	eventType: string;
	displayMessage: string;
	legacyEventType: string | null;
	actor: LogParty;
	target: LogParty[];
	externalSessionId: string;
	credentialType: string | null;
}

function buildEvent(ctx: RequestContext, facts: EventFacts): LogEvent {
	const { ipAddress, userAgent } = ctx.client;
	const apiTokenId = ctx.principal?.kind === 'apiToken' ? ctx.principal.token.id : undefined;

	return {
		uuid: newEventUuid(),
		published: isoTime(ctx.now),
		eventType: facts.eventType,
		version: '0',
		displayMessage: facts.displayMessage,
		severity: 'INFO',
		legacyEventType: facts.legacyEventType,
		actor: facts.actor,
		target: facts.target,
		client: {
			userAgent: { rawUserAgent: userAgent, ...describeUserAgent(userAgent) },
			zone: null,
			device: 'Computer',
			id: ctx.principal?.kind === 'accessToken' ? ctx.principal.clientId : null,
			ipAddress,
			geographicalContext: SANDBOX_LOCATION,
		},
		authenticationContext: {
			authenticationProvider: facts.credentialType ? 'OKTA_AUTHENTICATION_PROVIDER' : null,
			credentialProvider: facts.credentialType ? 'OKTA_CREDENTIAL_PROVIDER' : null,
			credentialType: facts.credentialType,
			issuer: null,
			interface: null,
			authenticationStep: 0,
			externalSessionId: facts.externalSessionId,
		},
		outcome: { result: 'SUCCESS', reason: null },
		securityContext: { asNumber: null, asOrg: null, isp: null, domain: null, isProxy: null },
		debugContext: {
			debugData: { requestId: ctx.requestId, requestUri: ctx.path, url: ctx.path },
		},
		transaction: {
			type: 'WEB',
			id: ctx.requestId,
			detail: apiTokenId ? { requestApiTokenId: apiTokenId } : {},
		},
		request: {
			ipChain: [
				{ ip: ipAddress, geographicalContext: SANDBOX_LOCATION, version: 'V4', source: null },
			],
		},
	};
}

function requirePrincipal(ctx: RequestContext): Principal {
	if (!ctx.principal) throw new Error(`${ctx.path} logs an admin action but needs no token`);
	return ctx.principal;
}

/** Okta derives `browser` and `os` from the raw user agent; these cover the common ones. */
const BROWSERS: Array<[RegExp, string]> = [
	[/Edg\//, 'EDGE'],
	[/Chrome\//, 'CHROME'],
	[/Firefox\//, 'FIREFOX'],
	[/Safari\//, 'SAFARI'],
];
const SYSTEMS: Array<[RegExp, string]> = [
	[/Windows NT 10/, 'Windows 10'],
	[/Mac OS X/, 'Mac OS X'],
	[/Android/, 'Android'],
	[/Linux/, 'Linux'],
];

function describeUserAgent(raw: string): { os: string; browser: string } {
	const firstMatch = (table: Array<[RegExp, string]>, fallback: string) =>
		table.find(([pattern]) => pattern.test(raw))?.[1] ?? fallback;
	return { os: firstMatch(SYSTEMS, 'Unknown'), browser: firstMatch(BROWSERS, 'UNKNOWN') };
}
