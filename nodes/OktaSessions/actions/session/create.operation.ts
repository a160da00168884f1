import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../helpers/displayOptions';
import { toSessionItem } from '../../helpers/session';
import { getConnection, oktaApiRequest } from '../../transport';

export const description: INodeProperties[] = showFor(
	'session',
	'create',
)([
	{
		displayName:
			'Legacy operation: Okta removed it from its production API reference in release 2025.10.0. It belongs to the Classic Engine sign-in flow and works only with the Okta API Token credential.',
		name: 'legacyNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Session Token',
		name: 'sessionToken',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description:
			'The sessionToken that Okta returned when the user signed in through the Authentication API (POST /api/v1/authn). It can be used once and expires after five minutes.',
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const sessionToken = String(this.getNodeParameter('sessionToken', itemIndex, '')).trim();
	const connection = await getConnection.call(this, itemIndex);

	if (sessionToken === '') {
		throw new NodeOperationError(this.getNode(), 'The Session Token is empty', {
			itemIndex,
			description:
				'Map the sessionToken from the step that signed the user in (POST /api/v1/authn). Tokens are single-use and expire after five minutes.',
		});
	}
	if (connection.authentication !== 'apiToken') {
		throw new NodeOperationError(
			this.getNode(),
			'Create Session works only with the Okta API Token credential',
			{
				itemIndex,
				description:
					'Okta accepts this call only from API tokens. Set Authentication to "API Token" and pick an Okta API Token credential.',
			},
		);
	}

	const response = await oktaApiRequest.call(
		this,
		{ method: 'POST', url: '/api/v1/sessions', body: { sessionToken } },
		{
			itemIndex,
			action: 'Create Session',
			expect: 'object',
			secrets: [sessionToken],
			notFound:
				'Okta does not offer this endpoint on this org. Create Session is a Classic Engine operation.',
		},
		connection,
	);

	return toSessionItem(response.body);
}
