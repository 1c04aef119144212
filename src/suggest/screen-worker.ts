// Entry point of a helper thread of the layout screen (screen-threads.ts): it serves screening jobs
// and nothing else. Its own file (dist/screen-worker.js beside the bundles) so that a helper never
// loads an action's or a command line's entry point.
import { serveScreenJobs } from './screen-threads.js';

serveScreenJobs();
