/**
 * `npm run screenshot`: with `npm run dev` running, signs in to the editor in headless Chromium and saves
 * the README's pictures of the node, its operations and its credential under docs/images/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { chromium, selectors, type Page } from 'playwright-core';

import { DEV_EDITOR_URL, DEV_OWNER } from './dev-settings';

const OUTPUT_DIR = resolve(__dirname, '..', 'docs', 'images');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WORKFLOW_ID = 'oktaSessionLifecycle';
const NODE_NAME = 'Create Session';
const CREDENTIAL_NAME = 'Okta API Token (sandbox)';

/** Keeps Chromium from reaching out to the network or doing anything a one-off capture does not need. */
const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

async function signIn(page: Page) {
	await page.goto(`${DEV_EDITOR_URL}/signin`);
	await page.locator('input[name="emailOrLdapLoginId"]').fill(DEV_OWNER.email);
	await page.locator('input[name="password"]').fill(DEV_OWNER.password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

async function capture(page: Page, name: string) {
	// Let transitions and lazy icons settle.
	await page.waitForTimeout(800);
	const path = join(OUTPUT_DIR, name);
	await page.screenshot({ path });
	process.stdout.write(`${path}\n`);
}

async function workflowAndOperations(page: Page) {
	await page.goto(`${DEV_EDITOR_URL}/workflow/${WORKFLOW_ID}`);
	const node = page.getByTestId('canvas-node').filter({ hasText: NODE_NAME });
	await node.waitFor();
	await capture(page, 'workflow.png');

	// A newcomer's first step: run the example against the sandbox and see every node succeed.
	await page.getByTestId('execute-workflow-button').click();
	await page
		.getByText(/Workflow executed successfully/i)
		.first()
		.waitFor();
	await capture(page, 'execution.png');
	for (const close of await page.locator('.el-notification__closeBtn').all()) await close.click();

	await node.dblclick();
	await page.getByTestId('parameter-input-operation').click();
	await capture(page, 'operations.png');
	await page.keyboard.press('Escape');
}

async function credential(page: Page) {
	await page.goto(`${DEV_EDITOR_URL}/home/credentials`);
	await page.getByText(CREDENTIAL_NAME, { exact: true }).click();
	const dialog = page.getByTestId('credential-edit-dialog');
	await dialog.waitFor();
	// The editor tests the connection on opening; capture its verdict, not the spinner.
	await dialog.getByText(/Connection tested successfully|connect with these settings/).waitFor();
	await capture(page, 'credential.png');
}

async function main() {
	mkdirSync(OUTPUT_DIR, { recursive: true });
	// n8n's editor marks its elements with data-test-id.
	selectors.setTestIdAttribute('data-test-id');
	const profile = mkdtempSync(join(tmpdir(), 'okta-sessions-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_FLAGS,
		viewport: { width: 1440, height: 900 },
	});
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		page.setDefaultTimeout(30_000);
		await signIn(page);
		await workflowAndOperations(page);
		await credential(page);
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
}

main().catch((error: Error) => {
	process.stderr.write(
		`npm run screenshot failed (is \`npm run dev\` running at ${DEV_EDITOR_URL}?): ${error.message}\n`,
	);
	process.exit(1);
});
