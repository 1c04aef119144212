// The real presets and config.json reader, as resolve.ts's Catalog.
import { nearestModelPreset } from '../import/model-name.js';
import { checkpointIds, hardwareAliases, HARDWARE_PRESETS, hardwarePreset, MODEL_PRESETS, modelPreset } from '../presets/index.js';
import { printedMemoryGb } from '../presets/marketing-memory.js';
import { parseHfConfig } from './hfConfig.js';
import type { Catalog } from './resolve.js';

export const defaultCatalog: Catalog = {
  modelPreset,
  hardwarePreset,
  modelPresetIds: () => Object.keys(MODEL_PRESETS),
  hardwarePresetIds: () => Object.keys(HARDWARE_PRESETS),
  modelPresetAliases: checkpointIds,
  modelPresetNear: nearestModelPreset,
  hardwarePresetAliases: hardwareAliases,
  parseHfConfig,
  printedMemoryGb,
};
