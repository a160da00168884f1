import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';

import * as session from './session';
import * as sessionEvent from './sessionEvent';
import * as user from './user';

type Operation = (
	this: IExecuteFunctions,
	itemIndex: number,
) => Promise<IDataObject | IDataObject[]>;

const operations: {
	session: Record<'create' | 'end' | 'get' | 'refresh', Operation>;
	user: Record<'endAllSessions', Operation>;
	sessionEvent: Record<'getMany', Operation>;
} = {
	session: {
		create: session.create.execute,
		end: session.end.execute,
		get: session.get.execute,
		refresh: session.refresh.execute,
	},
	user: { endAllSessions: user.endAllSessions.execute },
	sessionEvent: { getMany: sessionEvent.getMany.execute },
};

function findOperation(resource: string, operation: string): Operation | undefined {
	const byOperation = (operations as Record<string, Record<string, Operation>>)[resource];
	return byOperation?.[operation];
}

function asNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/**
 * Runs the chosen operation once per input item. Every item gives its results, or one error item when
 * "On Error" continues, always linked to the input item it came from.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const returnData: INodeExecutionData[] = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const pairedItem = { item: itemIndex };
		try {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operation = this.getNodeParameter('operation', itemIndex) as string;
			const run = findOperation(resource, operation);
			if (run === undefined) {
				throw new NodeOperationError(
					this.getNode(),
					`The operation "${operation}" is not supported for "${resource}"`,
					{ itemIndex },
				);
			}

			const result = await run.call(this, itemIndex);
			for (const json of Array.isArray(result) ? result : [result]) {
				returnData.push({ json, pairedItem });
			}
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, itemIndex);
			const nodeError = asNodeError(this.getNode(), error, itemIndex);
			// n8n shows the message and keeps the whole error (description, httpCode) on the item.
			returnData.push({ json: { error: nodeError.message }, error: nodeError, pairedItem });
		}
	}

	return [returnData];
}
