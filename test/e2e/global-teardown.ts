import { rmSync } from 'node:fs';

export default function globalTeardown(): void {
	const workDir = process.env.E2E_WORK_DIR;
	if (!workDir) return;
	if (process.env.E2E_KEEP) {
		process.stderr.write(`Kept the end-to-end work folder ${workDir}\n`);
		return;
	}
	rmSync(workDir, { recursive: true, force: true });
}
