/**
 * Electron main-process entry (bundled to dist/electron/main.cjs by scripts/build-electron.mjs).
 * Everything happens in app.ts so that it can be tested with a mocked 'electron'.
 */
import { startApp } from './app';

startApp().catch((error: unknown) => {
  console.error('[kiosk] the Electron shell failed to start:', error);
  process.exit(1);
});
