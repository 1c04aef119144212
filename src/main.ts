// The GitHub Action's entry point (action.yml runs the bundle of this file: dist/index.js).
import { run } from './action/run.js';

await run();
