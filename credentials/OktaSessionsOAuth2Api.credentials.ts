import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { DEFAULT_SCOPES, fetchAccessToken } from '../nodes/OktaSessions/transport/oauth';
import { domainProperty, normalizedDomainExpression, testRequestSafety } from './common';

/**
 * An Okta API service app: n8n signs a client assertion with the app's private key and exchanges it for
 * a short-lived access token (client credentials grant with private_key_jwt, the only client
 * authentication Okta accepts for its management APIs).
 */
export class OktaSessionsOAuth2Api implements ICredentialType {
	name = 'oktaSessionsOAuth2Api';

	displayName = 'Okta OAuth2 Service App API';

	icon = { light: 'file:../icons/okta.svg', dark: 'file:../icons/okta.dark.svg' } as const;

	documentationUrl =
		'https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/main/';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		domainProperty,
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			required: true,
			default: '',
			placeholder: '0oa1b2c3d4e5f6g7h8i9',
			description:
				"The service app's client ID, shown on its General tab in the Okta Admin Console",
		},
		{
			displayName: 'Private Key',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true, rows: 6 },
			required: true,
			default: '',
			placeholder: '-----BEGIN PRIVATE KEY-----',
			description:
				'The private key of a key pair registered on the app (Public key / Private key client authentication), as PEM or as the JSON Web Key that Okta generated',
		},
		{
			displayName: 'Key ID',
			name: 'keyId',
			type: 'string',
			default: '',
			description:
				'The KID of the registered public key. Needed when the app has more than one key; taken from the JWK when empty.',
		},
		{
			displayName: 'Scopes',
			name: 'scopes',
			type: 'string',
			default: DEFAULT_SCOPES,
			description:
				'Space-separated Okta API scopes granted to the app. Sessions need okta.sessions.manage, ending all sessions of a user needs okta.users.manage, looking users up needs okta.users.read, audits need okta.logs.read.',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const accessToken = await fetchAccessToken.call(this, {
			domain: credentials.domain as string,
			clientId: credentials.clientId as string,
			privateKey: credentials.privateKey as string,
			keyId: credentials.keyId as string | undefined,
			scopes: credentials.scopes as string | undefined,
		});
		return { accessToken };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: normalizedDomainExpression,
			url: '/api/v1/users',
			qs: { limit: 1 },
			headers: { Accept: 'application/json' },
			...testRequestSafety,
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Okta issued a token but refused to list users: grant the scope okta.users.read to the service app and assign it an admin role.',
				},
			},
		],
	};
}
