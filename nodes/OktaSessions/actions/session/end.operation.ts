import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../helpers/displayOptions';
import { pathSegment } from '../../helpers/ids';
import { oktaApiRequest } from '../../transport';
import { NOT_FOUND_SESSION, readSessionId, sessionIdField } from './sessionIdField';

export const description: INodeProperties[] = showFor(
	'session',
	'end',
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
				displayName: 'Ignore Already Ended',
				name: 'ignoreAlreadyEnded',
				type: 'boolean',
				default: false,
				description:
					'Whether a session that no longer exists counts as success ({ success: true, alreadyEnded: true }) instead of an error, so that re-running a workflow is safe',
			},
		],
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const sessionId = readSessionId.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const ignoreAlreadyEnded = options.ignoreAlreadyEnded === true;

	const response = await oktaApiRequest.call(
		this,
		{ method: 'DELETE', url: `/api/v1/sessions/${pathSegment(sessionId)}` },
		{
			itemIndex,
			action: 'End Session',
			notFound: `${NOT_FOUND_SESSION} Turn on the "Ignore Already Ended" option to treat this as success.`,
			acceptStatuses: ignoreAlreadyEnded ? [404] : [],
		},
	);

	return { success: true, sessionId, alreadyEnded: response.statusCode === 404 };
}
