// Model and hardware presets: the figures a plan gets from `model.preset` / `hardware.preset`.
export * from './models.js';
export * from './hardware.js';
export * from './checkpoints.js';
