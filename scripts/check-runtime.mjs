// better-sqlite3 13 needs Node >= 22 (it segfaults on 20). `npm install` brings a Node 22 runtime
// (optional dependency node-<platform>-<arch>, no install script) into node_modules/.bin, which npm
// puts first on PATH for every `npm run` script. This check makes a wrong runtime a clear error.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(
    `[kiosk] Node ${process.versions.node} is running this script, but the kiosk needs Node >= 22 ` +
      '(better-sqlite3 13). Run it through npm (npm test / npm start), which uses node_modules/.bin/node, ' +
      'or install Node 22.',
  );
  process.exit(1);
}
