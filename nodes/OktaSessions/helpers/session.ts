import type { IDataObject } from 'n8n-workflow';

const SESSION_FIELDS = [
	'id',
	'login',
	'userId',
	'status',
	'createdAt',
	'expiresAt',
	'lastPasswordVerification',
	'lastFactorVerification',
	'amr',
	'idp',
	'_links',
];

/**
 * Okta's Session object as Okta sent it. Every field may be missing or null, so nothing here is assumed;
 * a body that is not an object still gives an item rather than a crash.
 */
export function toSessionItem(body: unknown): IDataObject {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return {};
	const session = body as IDataObject;
	const known: IDataObject = {};
	for (const field of SESSION_FIELDS) {
		if (field in session) known[field] = session[field];
	}
	for (const [field, value] of Object.entries(session)) {
		if (!(field in known)) known[field] = value;
	}
	return known;
}
