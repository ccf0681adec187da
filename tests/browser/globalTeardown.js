/** Stops the playground server started by globalSetup.js and removes its build folder. */
const fs = require('node:fs');

module.exports = async function globalTeardown() {
  const started = globalThis.__principleChainPlayground;
  if (started === undefined) return;
  started.server.closeAllConnections();
  await new Promise((resolve) => started.server.close(resolve));
  fs.rmSync(started.dir, { recursive: true, force: true });
};
