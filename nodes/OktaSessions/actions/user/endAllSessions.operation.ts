import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeParameterResourceLocator,
	INodeProperties,
} from 'n8n-workflow';

import { showFor } from '../../helpers/displayOptions';
import { pathSegment, requireOktaId } from '../../helpers/ids';
import { getConnection, oktaApiRequest } from '../../transport';
import type { OktaConnection } from '../../transport';

export const description: INodeProperties[] = showFor(
	'user',
	'endAllSessions',
)([
	{
		displayName: 'User',
		name: 'user',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'login', value: '' },
		description: 'The Okta user whose sessions end',
		modes: [
			{
				displayName: 'By Login',
				name: 'login',
				type: 'string',
				placeholder: 'jane.doe@example.com',
				hint: 'The Okta login (username) in full, usually an email address',
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '00u1a2b3c4d5e6f7g8h9',
				hint: 'The Okta user ID, which starts with 00u',
			},
		],
	},
	{
		displayName: 'Revoke OAuth Tokens',
		name: 'oauthTokens',
		type: 'boolean',
		default: true,
		description:
			'Whether to also revoke the OpenID Connect and OAuth refresh and access tokens that Okta issued to the user, so apps cannot get new access with them',
	},
	{
		displayName: 'Forget Devices',
		name: 'forgetDevices',
		type: 'boolean',
		default: true,
		description:
			'Whether to also forget the devices the user marked as trusted, so the next sign-in asks for every factor again',
	},
]);

interface ResolvedUser {
	id: string;
	login?: string;
}

async function resolveLogin(
	this: IExecuteFunctions,
	login: string,
	itemIndex: number,
	connection: OktaConnection,
): Promise<ResolvedUser> {
	if (/^\.+$/.test(login)) {
		throw new NodeOperationError(this.getNode(), `"${login}" is not an Okta login`, {
			itemIndex,
			description: 'Give the full login, for example jane.doe@example.com, or choose "By ID".',
		});
	}
	if (login.includes('/')) {
		throw new NodeOperationError(
			this.getNode(),
			`Okta cannot look up the login "${login}" because it contains "/": use By ID instead`,
			{
				itemIndex,
				description:
					'Logins that contain "/" cannot be looked up. Choose "By ID" and give the user ID.',
			},
		);
	}

	const response = await oktaApiRequest.call(
		this,
		{ method: 'GET', url: `/api/v1/users/${encodeURIComponent(login)}` },
		{ itemIndex, action: 'Find User', acceptStatuses: [404], expect: 'object' },
		connection,
	);
	if (response.statusCode === 404) {
		const okta = response.body as { errorCode?: string; errorId?: string };
		const requestId = response.headers['x-okta-request-id'];
		const references = [
			`Okta ${okta.errorCode ?? 'error'}`,
			okta.errorId ? `error ID ${okta.errorId}` : undefined,
			requestId ? `request ID ${requestId}` : undefined,
		].filter(Boolean);
		throw new NodeApiError(
			this.getNode(),
			{ httpCode: '404', errorCode: okta.errorCode ?? null },
			{
				message: `No Okta user with login "${login}"`,
				description: `Check the spelling, or that the user was not already deleted; logins are usually full email addresses. (${references.join(', ')})`,
				httpCode: '404',
				itemIndex,
			},
		);
	}

	const user = (response.body ?? {}) as IDataObject;
	const profile = (user.profile ?? {}) as IDataObject;
	const foundLogin = typeof profile.login === 'string' ? profile.login : '';
	// Okta also matches IDs and short names on this endpoint; only an exact login may end sessions.
	if (foundLogin.toLowerCase() !== login.toLowerCase() || typeof user.id !== 'string') {
		throw new NodeOperationError(
			this.getNode(),
			`"${login}" matched the Okta user "${foundLogin || 'unknown'}", not a user with exactly this login`,
			{
				itemIndex,
				description:
					'No sessions were ended. Give the full login (for example jane.doe@example.com) or choose "By ID".',
			},
		);
	}
	return { id: user.id, login: foundLogin };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const locator = this.getNodeParameter('user', itemIndex) as
		INodeParameterResourceLocator | string | number;
	const oauthTokens = this.getNodeParameter('oauthTokens', itemIndex, true) as boolean;
	const forgetDevices = this.getNodeParameter('forgetDevices', itemIndex, true) as boolean;
	// An expression may give the whole parameter as a plain value: that is taken as a login.
	const { mode, value: rawValue } =
		typeof locator === 'object' && locator !== null ? locator : { mode: 'login', value: locator };
	const value =
		typeof rawValue === 'string' || typeof rawValue === 'number' ? String(rawValue).trim() : '';

	if (value === '') {
		throw new NodeOperationError(this.getNode(), 'The User is empty', {
			itemIndex,
			description: 'Give the login or the ID of the Okta user whose sessions should end.',
		});
	}

	const connection = await getConnection.call(this, itemIndex);
	const user: ResolvedUser =
		mode === 'id'
			? { id: requireOktaId(this.getNode(), value, 'User ID', itemIndex) }
			: await resolveLogin.call(this, value, itemIndex, connection);

	await oktaApiRequest.call(
		this,
		{
			method: 'DELETE',
			url: `/api/v1/users/${pathSegment(user.id)}/sessions`,
			qs: { oauthTokens, forgetDevices },
		},
		{
			itemIndex,
			action: 'End All Sessions',
			notFound: 'No Okta user with this ID. Check the ID, or use "By Login".',
		},
		connection,
	);

	return {
		success: true,
		userId: user.id,
		login: user.login ?? null,
		oauthTokensRevoked: oauthTokens,
		devicesForgotten: forgetDevices,
	};
}
