import type { INodeProperties } from 'n8n-workflow';

import * as endAllSessions from './endAllSessions.operation';

export { endAllSessions };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'End All Sessions',
				value: 'endAllSessions',
				action: 'End all sessions of a user',
				description:
					'Sign a user out of every Okta session at once, optionally revoking their OAuth tokens; used when offboarding',
			},
		],
		default: 'endAllSessions',
	},
	...endAllSessions.description,
];
