import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../helpers/displayOptions';
import { pathSegment, requireOktaId } from '../../helpers/ids';
import { toSessionItem } from '../../helpers/session';
import { oktaApiRequest } from '../../transport';
import { NOT_FOUND_SESSION, sessionIdField } from './sessionIdField';

export const description: INodeProperties[] = showFor('session', 'refresh')([sessionIdField]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const sessionId = requireOktaId(
		this.getNode(),
		this.getNodeParameter('sessionId', itemIndex),
		'Session ID',
		itemIndex,
	);

	const response = await oktaApiRequest.call(
		this,
		{ method: 'POST', url: `/api/v1/sessions/${pathSegment(sessionId)}/lifecycle/refresh` },
		{ itemIndex, action: 'Refresh Session', notFound: NOT_FOUND_SESSION, expect: 'object' },
	);

	return toSessionItem(response.body);
}
