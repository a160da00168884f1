export interface SandboxOptions {
	/** 0 or undefined picks a random free port on 127.0.0.1. */
	port?: number;
	/** Added to every response. */
	latencyMs?: number;
	/** Per endpoint bucket, like Okta's per-endpoint rate limits. */
	rateLimit?: { limit: number; windowSeconds: number };
	/** Default 7200 (two hours), Okta's default session lifetime. */
	sessionLifetimeSeconds?: number;
	/** Clock in milliseconds; every expiry, timestamp and rate-limit window reads it. */
	now?: () => number;
	/**
	 * Most events on one System Log page, whatever `limit` asks for: Okta may send fewer events than
	 * `limit` per page, and clients must follow `next` links rather than count on full pages.
	 */
	logPageSize?: number;
}

export interface RecordedRequest {
	method: string;
	/** Path without the query string, e.g. `/api/v1/sessions/102abc`. */
	path: string;
	query: Record<string, string>;
	/** Header names in lower case, as Node reports them. */
	headers: Record<string, string | string[] | undefined>;
	/** Parsed JSON or form body; the raw text when it is neither; undefined when empty. */
	body: unknown;
}

export interface Fault {
	method?: string;
	/** A string matches the path exactly; a RegExp is tested against the path. */
	path?: string | RegExp;
	status: number;
	headers?: Record<string, string>;
	body?: string;
	/** How many matching requests get the fault; every one until `reset()` when absent. */
	times?: number;
}

export interface SeededUserCredentials {
	id: string;
	login: string;
	password: string;
	firstName: string;
	lastName: string;
}

export interface Sandbox {
	/** e.g. http://127.0.0.1:43123 (no trailing slash). */
	url: string;
	/** An SSWS token of a super admin. */
	apiToken: string;
	/** An SSWS token of a read-only admin: reads succeed, writes get 403. */
	readOnlyApiToken: string;
	serviceApp: { clientId: string; privateKeyPem: string; keyId: string };
	users: SeededUserCredentials[];
	/** Every request received, in order. */
	requests: RecordedRequest[];
	injectFault(fault: Fault): void;
	/** POST /api/v1/authn over HTTP and return the session token. */
	signIn(login: string, password: string): Promise<string>;
	/** Back to the seeded state: no sessions, tokens, log events, faults or recorded requests. */
	reset(): void;
	close(): Promise<void>;
}
