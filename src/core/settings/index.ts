export { CUSTOM_PRESET, DEFAULT_SETTINGS, GRADE_LABELS, PRESETS, presetNames } from './defaults';
export {
  parseSettings,
  parseColumnMapping,
  serializeSettings,
  validThresholds,
  validYear,
  SETTINGS_FORMAT_VERSION,
} from './parse';
export type { ParsedSettings } from './parse';
