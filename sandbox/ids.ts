import { randomBytes, randomUUID } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomAlphanumeric(length: number): string {
	const bytes = randomBytes(length);
	let text = '';
	for (const byte of bytes) {
		text += ALPHANUMERIC[byte % ALPHANUMERIC.length];
	}
	return text;
}

/** Okta's error ids: `oae` followed by 22 URL-safe characters. */
export function newErrorId(): string {
	return 'oae' + randomBytes(17).toString('base64url').slice(0, 22);
}

/** Okta's request ids are 27 URL-safe characters, the same value as a log event's transaction id. */
export function newRequestId(): string {
	return randomBytes(20).toString('base64url');
}

export function newSessionId(): string {
	return '102' + randomAlphanumeric(22);
}

export function newSessionToken(): string {
	return '20111' + randomBytes(30).toString('base64url');
}

export function newAccessToken(): string {
	return randomBytes(48).toString('base64url');
}

export function newEventUuid(): string {
	return randomUUID();
}
