/**
 * The org every sandbox starts with. IDs are fixed (Okta's shapes: `00u` users, `0oa` apps, `00T` API
 * tokens, `00o` orgs) so docs and tests can name them.
 */

export const ORG_ID = '00osandboxorg00000x1';

export const SERVICE_APP = {
	clientId: '0oasbxsessionsvc00a1',
	keyId: 'sandbox-key-1',
	name: 'Sandbox Session Automation',
	grantedScopes: [
		'okta.sessions.read',
		'okta.sessions.manage',
		'okta.users.read',
		'okta.users.manage',
		'okta.logs.read',
	],
};

export interface SeedUser {
	id: string;
	login: string;
	password: string;
	firstName: string;
	lastName: string;
	locale: string;
	timeZone: string;
	created: string;
}

export const SEED_USERS: SeedUser[] = [
	{
		id: '00ualice7anderson1x2',
		login: 'alice.anderson@example.com',
		password: 'Sandbox-Alice-2024!',
		firstName: 'Alice',
		lastName: 'Anderson',
		locale: 'en_US',
		timeZone: 'America/Los_Angeles',
		created: '2023-02-14T17:03:11.000Z',
	},
	{
		id: '00ubob4contractor8k3',
		login: 'bob+contractor@example.com',
		password: 'Sandbox-Bob-2024!',
		firstName: 'Bob',
		lastName: 'Baker',
		locale: 'en_US',
		timeZone: 'America/New_York',
		created: '2023-06-01T09:30:00.000Z',
	},
	{
		id: '00ucarmen2castillo9q',
		login: 'carmen.castillo@example.com',
		password: 'Sandbox-Carmen-2024!',
		firstName: 'Carmen',
		lastName: 'Castillo',
		locale: 'es_ES',
		timeZone: 'Europe/Madrid',
		created: '2023-03-20T08:12:45.000Z',
	},
	{
		id: '00udmitri6petrov05w1',
		login: 'dmitri.petrov@example.com',
		password: 'Sandbox-Dmitri-2024!',
		firstName: 'Dmitri',
		lastName: 'Petrov',
		locale: 'de_DE',
		timeZone: 'Europe/Berlin',
		created: '2023-09-11T12:00:00.000Z',
	},
	{
		id: '00uemeka3okafor07z4m',
		login: 'emeka.okafor@example.com',
		password: 'Sandbox-Emeka-2024!',
		firstName: 'Emeka',
		lastName: 'Okafor',
		locale: 'en_GB',
		timeZone: 'Africa/Lagos',
		created: '2024-01-08T07:45:30.000Z',
	},
	{
		id: '00usbxadmin0super001',
		login: 'sandbox.admin@example.com',
		password: 'Sandbox-Admin-2024!',
		firstName: 'Sandbox',
		lastName: 'Admin',
		locale: 'en_US',
		timeZone: 'America/Chicago',
		created: '2022-11-01T10:00:00.000Z',
	},
	{
		id: '00uauditreader0ro002',
		login: 'audit.reader@example.com',
		password: 'Sandbox-Auditor-2024!',
		firstName: 'Audit',
		lastName: 'Reader',
		locale: 'en_US',
		timeZone: 'America/Chicago',
		created: '2022-11-01T10:05:00.000Z',
	},
];

export interface SeedApiToken {
	id: string;
	token: string;
	userId: string;
	/** A read-only admin role can read sessions, users and logs but manage nothing. */
	readOnly: boolean;
}

export const SEED_API_TOKENS: SeedApiToken[] = [
	{
		id: '00Tsbxsupertoken0001',
		token: '00sandbox-super-admin-00000000000000000000',
		userId: '00usbxadmin0super001',
		readOnly: false,
	},
	{
		id: '00Tsbxreadonlytok002',
		token: '00sandbox-read-only-admin-0000000000000000',
		userId: '00uauditreader0ro002',
		readOnly: true,
	},
];
