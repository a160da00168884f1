import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireOktaId } from '../../helpers/ids';

export const sessionIdField: INodeProperties = {
	displayName: 'Session ID',
	name: 'sessionId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '102aBcD3eFgH4iJkL5mNo6pQ',
	description:
		'The ID of an Okta session: the "id" returned by Create Session, or the session ID of a signed-in browser (the value of its "sid" cookie).',
};

export const NOT_FOUND_SESSION =
	'No session with this ID exists: it may have expired, been ended, or never existed.';

export function readSessionId(this: IExecuteFunctions, itemIndex: number): string {
	return requireOktaId(
		this.getNode(),
		this.getNodeParameter('sessionId', itemIndex),
		'Session ID',
		itemIndex,
	);
}
