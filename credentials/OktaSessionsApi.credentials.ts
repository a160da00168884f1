import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { domainProperty, normalizedDomainExpression, testRequestSafety } from './common';

export class OktaSessionsApi implements ICredentialType {
	name = 'oktaSessionsApi';

	displayName = 'Okta API Token';

	icon = { light: 'file:../icons/okta.svg', dark: 'file:../icons/okta.dark.svg' } as const;

	documentationUrl = 'https://developer.okta.com/docs/guides/create-an-api-token/main/';

	properties: INodeProperties[] = [
		domainProperty,
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'An API token from the Okta Admin Console (Security > API > Tokens). It acts with the admin role of the admin who created it.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				// Pasted tokens often carry spaces, a line break or the SSWS prefix itself.
				Authorization: "=SSWS {{ $credentials.apiToken.trim().replace(/^SSWS\\s+/i, '') }}",
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: normalizedDomainExpression,
			url: '/api/v1/users/me',
			headers: { Accept: 'application/json' },
			...testRequestSafety,
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Okta rejected the API token: it is invalid, expired or revoked. Create a new one under Security > API > Tokens.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'This domain answered, but not like an Okta org. Use your org URL, for example https://acme.okta.com.',
				},
			},
		],
	};
}
