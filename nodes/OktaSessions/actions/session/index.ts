import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as end from './end.operation';
import * as get from './get.operation';
import * as refresh from './refresh.operation';

export { create, end, get, refresh };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['session'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a session from a session token',
				description:
					'Legacy: exchange a single-use session token from a sign-in (Classic Engine) for an Okta session',
			},
			{
				name: 'End',
				value: 'end',
				action: 'End a session',
				description: 'Sign a single session out of Okta by its session ID',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a session',
				description:
					'Read one session by its session ID: who it belongs to, its status and when it expires',
			},
			{
				name: 'Refresh',
				value: 'refresh',
				action: 'Refresh a session',
				description: 'Extend a session by its session ID, giving it a new expiry time',
			},
		],
		default: 'get',
	},
	...create.description,
	...end.description,
	...get.description,
	...refresh.description,
];
