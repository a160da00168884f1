import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../helpers/displayOptions';
import { pathSegment } from '../../helpers/ids';
import { toSessionItem } from '../../helpers/session';
import { oktaApiRequest } from '../../transport';
import { NOT_FOUND_SESSION, readSessionId, sessionIdField } from './sessionIdField';

export const description: INodeProperties[] = showFor(
	'session',
	'get',
)([
	sessionIdField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Return Not Found as Item',
				name: 'returnNotFoundAsItem',
				type: 'boolean',
				default: false,
				description:
					'Whether a session that does not exist (expired, ended or unknown) gives an item { sessionId, active: false } instead of an error. Useful in audits.',
			},
		],
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const sessionId = readSessionId.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const returnNotFound = options.returnNotFoundAsItem === true;

	const response = await oktaApiRequest.call(
		this,
		{ method: 'GET', url: `/api/v1/sessions/${pathSegment(sessionId)}` },
		{
			itemIndex,
			action: 'Get Session',
			expect: 'object',
			notFound: NOT_FOUND_SESSION,
			acceptStatuses: returnNotFound ? [404] : [],
		},
	);

	if (response.statusCode === 404) return { sessionId, active: false };
	return toSessionItem(response.body);
}
