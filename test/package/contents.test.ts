import { existsSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

import { buildAndPackCopy, REPO_ROOT, type PackedPackage } from './support/tarball';

interface Manifest {
	dependencies?: Record<string, string>;
	n8n: { nodes: string[]; credentials: string[] };
}

type Icon = string | { light: string; dark: string } | undefined;

/** The `file:` icons of a built node or credential, as paths inside the unpacked package. */
function fileIcons(icon: Icon, classFile: string): string[] {
	const icons = typeof icon === 'string' ? [icon] : icon ? [icon.light, icon.dark] : [];
	return icons
		.filter((value) => value.startsWith('file:'))
		.map((value) => resolve(dirname(classFile), value.slice('file:'.length)));
}

/** Instantiates every class a built file exports, the way n8n's loader does. */
function exportedInstances(file: string): Array<Record<string, unknown>> {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- the built files are CommonJS
	const exported = require(file) as Record<string, unknown>;
	return Object.values(exported)
		.filter((value): value is new () => Record<string, unknown> => typeof value === 'function')
		.map((Class) => new Class());
}

describe('the npm tarball', () => {
	let packed: PackedPackage;
	let manifest: Manifest;

	beforeAll(() => {
		packed = buildAndPackCopy();
		manifest = JSON.parse(
			readFileSync(join(packed.unpackedDir, 'package.json'), 'utf8'),
		) as Manifest;
		// The built files import n8n-workflow, which n8n provides at run time.
		symlinkSync(join(REPO_ROOT, 'node_modules'), join(packed.unpackedDir, 'node_modules'));
	}, 120_000);

	afterAll(() => {
		if (packed) rmSync(dirname(packed.stagingDir), { recursive: true, force: true });
	});

	it('contains only dist/, README.md, LICENSE and package.json', () => {
		const unexpected = packed.entries.filter(
			(entry) =>
				!['package.json', 'README.md', 'LICENSE'].includes(entry) && !entry.startsWith('dist/'),
		);
		expect(unexpected).toEqual([]);
		expect(packed.entries).toEqual(
			expect.arrayContaining(['package.json', 'README.md', 'LICENSE']),
		);
	});

	it('ships no tests or TypeScript sources inside dist/', () => {
		const sources = packed.entries.filter(
			(entry) =>
				/\.test\.|\/test\//.test(entry) || (entry.endsWith('.ts') && !entry.endsWith('.d.ts')),
		);
		expect(sources).toEqual([]);
	});

	it('has no runtime dependencies, as n8n requires of community packages', () => {
		expect(manifest.dependencies ?? {}).toEqual({});
	});

	it('contains every node and credential file that its n8n section names', () => {
		const listed = [...manifest.n8n.nodes, ...manifest.n8n.credentials];
		expect(listed.length).toBeGreaterThan(0);
		const missing = listed.filter((path) => !existsSync(join(packed.unpackedDir, path)));
		expect(missing).toEqual([]);
	});

	it('contains every file: icon that the built nodes and credentials reference', () => {
		const referenced: string[] = [];
		for (const path of manifest.n8n.nodes) {
			const file = join(packed.unpackedDir, path);
			for (const node of exportedInstances(file)) {
				const description = node.description as { icon?: Icon } | undefined;
				referenced.push(...fileIcons(description?.icon, file));
			}
		}
		for (const path of manifest.n8n.credentials) {
			const file = join(packed.unpackedDir, path);
			for (const credential of exportedInstances(file)) {
				referenced.push(...fileIcons(credential.icon as Icon, file));
			}
		}

		expect(referenced.length).toBeGreaterThan(0);
		const outside = referenced.filter((icon) =>
			relative(packed.unpackedDir, icon).startsWith('..'),
		);
		const missing = referenced.filter((icon) => !existsSync(icon));
		expect({ outside, missing }).toEqual({ outside: [], missing: [] });
	});

	it('ships the codex file beside each node, which gives the node its categories in n8n', () => {
		const missing = manifest.n8n.nodes
			.map((path) => join(packed.unpackedDir, path.replace(/\.js$/, '.json')))
			.filter((codex) => !existsSync(codex));
		expect(missing).toEqual([]);
	});
});
