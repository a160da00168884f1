import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** Shows every field of an operation file only for that resource and operation. */
export function showFor(resource: string, operation: string) {
	const scope: IDisplayOptions = { show: { resource: [resource], operation: [operation] } };
	return (fields: INodeProperties[]): INodeProperties[] =>
		fields.map((field) => ({
			...field,
			displayOptions: {
				...field.displayOptions,
				show: { ...field.displayOptions?.show, ...scope.show },
			},
		}));
}
