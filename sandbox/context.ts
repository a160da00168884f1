import type { KeyObject } from 'node:crypto';

import type { Principal } from './auth';
import type { Store } from './store';

/** The org a sandbox serves: its state, clock and registered service app. */
export interface Org {
	store: Store;
	now: () => number;
	sessionLifetimeMs: number;
	/** Known once the server listens. */
	baseUrl: string;
	serviceApp: { clientId: string; keyId: string; publicKey: KeyObject };
	logPageSize?: number;
}

export interface ClientInfo {
	ipAddress: string;
	userAgent: string;
}

export interface RequestContext {
	org: Org;
	now: number;
	method: string;
	path: string;
	/** The absolute URL as received, for `self` links. */
	requestUrl: string;
	params: Record<string, string>;
	query: URLSearchParams;
	body: unknown;
	/** True when a JSON body could not be parsed; `body` then holds the raw text. */
	bodyMalformed: boolean;
	requestId: string;
	client: ClientInfo;
	/** Set for every route that needs a token. */
	principal?: Principal;
}

export function isoTime(ms: number): string {
	return new Date(ms).toISOString();
}

export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
