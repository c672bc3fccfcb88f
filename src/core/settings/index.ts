export { CUSTOM_PRESET, DEFAULT_SETTINGS, PRESETS, presetNames, presetNameFor, withPreset } from './defaults';
export {
  parseSettings,
  parseScale,
  parseColumnMapping,
  serializeSettings,
  validThresholds,
  validYear,
  SETTINGS_FORMAT_VERSION,
} from './parse';
export type { ParsedSettings } from './parse';
export {
  ACHIEVED_SCALE,
  CIRCLE_SCALE,
  LEVEL_COLORS,
  MAX_SYMBOL_LENGTH,
  PROGRESS_SCALE,
  SABC_SCALE,
  STANDARD_SCALE,
  fourLevelScale,
  gradeColorOf,
  gradeLabelOf,
  gradeSymbols,
  meansAchieved,
  rateThresholds,
  validateScale,
  withRateThresholds,
} from './scale';
export type { ScaleProblem, ScaleProblemKind } from './scale';
