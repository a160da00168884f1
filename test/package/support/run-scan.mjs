// Runs the ESLint scan of @n8n/scan-community-package on local folders instead of a package fetched from
// npm. Arguments: the scanner's scanner.mjs, then pairs of <folder> <comma-separated globs>.
const [scannerPath, ...legs] = process.argv.slice(2);
const { analyzePackage } = await import(scannerPath);

const results = [];
for (let index = 0; index < legs.length; index += 2) {
	const result = await analyzePackage(legs[index], legs[index + 1].split(','));
	results.push({
		folder: legs[index],
		passed: result.passed,
		message: result.message,
		details: result.details,
	});
}
process.stdout.write(JSON.stringify(results));
