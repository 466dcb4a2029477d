/**
 * Guard run before the npm scripts: they need the Node that the `node` dev
 * dependency brings (npm puts it first on PATH). On an older Node (say the
 * package's install script was skipped), say so in one line and fail.
 * Plain JavaScript on purpose: it must run on any Node, however old.
 */
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const range = pkg.devDependencies?.node || '';
const wanted = (range.match(/\d+(\.\d+){0,2}/) || ['0'])[0];
const parse = (version) => version.split('.').map((part) => Number.parseInt(part, 10) || 0);
const [have, need] = [parse(process.versions.node), parse(wanted)];
/** -1, 0 or 1: version a against version b, part by part. */
const compare = (a, b) => {
  for (let index = 0; index < 3; index++) {
    const diff = (a[index] || 0) - (b[index] || 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
};
const older = compare(have, need) < 0;
if (older) {
  process.stderr.write(
    `article-lens: npm scripts need Node ${wanted} or newer (the "node" dev dependency), but this is Node ${process.versions.node} at ${process.execPath}: run \`npm ci\` (or \`npm install\`) and check that it did not skip the node package's install script.\n`,
  );
  process.exit(1);
}
