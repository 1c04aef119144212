// Runs in every test file (vitest.config.ts, setupFiles): the temporary folders of the action
// runs a file made are removed when the file finishes, so a test run leaves nothing behind.
import { afterAll } from 'vitest';
import { removeRunFolders } from './e2e/stand-in/run-folders.mjs';

afterAll(() => removeRunFolders());
