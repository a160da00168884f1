import { SPEC_PATH, specIsAvailable } from './sandbox/openApiSpec';

/**
 * Printed before the run, where jest's summary cannot hide it: the OpenAPI fidelity test needs Okta's
 * spec subset, which is Okta's Apache-2.0 text and so is kept beside the repository, not in it.
 */
export default function announceSkippedSuites(): void {
	if (!specIsAvailable) {
		process.stdout.write(
			`\nNote: the sandbox's OpenAPI fidelity test is skipped because Okta's spec subset is not at ${SPEC_PATH}.\n` +
				'It is kept outside this repository (Okta publishes it under Apache-2.0); put the shared/okta folder beside the repository to run it.\n\n',
		);
	}
}
