import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../helpers/displayOptions';
import { pathSegment } from '../../helpers/ids';
import { toSessionItem } from '../../helpers/session';
import { oktaApiRequest } from '../../transport';
import { NOT_FOUND_SESSION, readSessionId, sessionIdField } from './sessionIdField';

export const description: INodeProperties[] = showFor('session', 'refresh')([sessionIdField]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const sessionId = readSessionId.call(this, itemIndex);

	const response = await oktaApiRequest.call(
		this,
		{ method: 'POST', url: `/api/v1/sessions/${pathSegment(sessionId)}/lifecycle/refresh` },
		{ itemIndex, action: 'Refresh Session', notFound: NOT_FOUND_SESSION, expect: 'object' },
	);

	return toSessionItem(response.body);
}
