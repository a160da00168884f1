import { NodeOperationError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';

import { parseOktaDomain } from './domain';

export type OktaAuthentication = 'apiToken' | 'oAuth2';

export function credentialTypeFor(authentication: OktaAuthentication): string {
	return authentication === 'oAuth2' ? 'oktaSessionsOAuth2Api' : 'oktaSessionsApi';
}

const SECRET_FIELDS = ['apiToken', 'privateKey', 'accessToken'];

export interface OktaConnection {
	authentication: OktaAuthentication;
	credentialType: string;
	origin: string;
	secrets: string[];
}

export async function getConnection(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OktaConnection> {
	const authentication = this.getNodeParameter(
		'authentication',
		itemIndex,
		'apiToken',
	) as OktaAuthentication;
	const credentialType = credentialTypeFor(authentication);
	const credentials: ICredentialDataDecryptedObject = await this.getCredentials(
		credentialType,
		itemIndex,
	);

	const domain = parseOktaDomain(credentials.domain);
	if (domain.problem !== undefined) {
		throw new NodeOperationError(this.getNode(), domain.problem, {
			itemIndex,
			description: 'Open the Okta credential and correct its Okta Domain field.',
		});
	}

	const secrets = SECRET_FIELDS.map((field) => credentials[field])
		.filter((value): value is string => typeof value === 'string')
		.flatMap((value) => [value, value.trim().replace(/^SSWS\s+/i, '')]);
	return { authentication, credentialType, origin: domain.origin, secrets };
}
