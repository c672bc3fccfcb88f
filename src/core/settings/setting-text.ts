/**
 * A setting's value as a person reads it (`kpi-sheet settings`): 達成率, 100/80/60%, R5, はい. One function
 * per registry type, so a setting added to the registry has a text as soon as it has a type.
 */
import { formatFiscalYear } from '../read';
import { formatMapping } from '../layout/mapping';
import type { Settings } from '../types';
import type { SettingDefinition } from './registry';

export type TextLanguage = 'ja' | 'en';

export const SOURCE_LABELS: Readonly<
  Record<TextLanguage, Readonly<Record<'default' | 'workbook' | 'commandLine', string>>>
> = {
  ja: { default: '既定', workbook: 'ブック', commandLine: 'コマンドライン' },
  en: { default: 'default', workbook: 'workbook', commandLine: 'command line' },
};

function yesNo(value: boolean, language: TextLanguage): string {
  if (language === 'en') return value ? 'yes' : 'no';
  return value ? 'はい' : 'いいえ';
}

/** `department` is not a Settings field: the run's 担当課 comes beside them. */
export function settingText(
  definition: SettingDefinition,
  settings: Settings,
  language: TextLanguage,
  department?: string,
): string {
  const en = language === 'en';
  const none = en ? 'none' : 'なし';
  switch (definition.key) {
    case 'preset':
      return settings.preset;
    case 'basis':
      if (settings.basis === 'progress') return en ? 'progress' : '進捗率';
      return en ? 'achievement' : '達成率';
    case 'scale':
      return settings.scale.levels
        .map((level) =>
          level.condition.kind === 'rate'
            ? `${level.symbol} ${level.condition.min}%`
            : level.condition.kind === 'achieved'
              ? `${level.symbol} ${en ? 'achieved' : '達成'}`
              : level.symbol,
        )
        .join(' / ');
    case 'interimPath':
      return yesNo(settings.interimPath, language);
    case 'trendTolerance':
      return `${Math.round(settings.trendTolerance * 10000) / 100}%`;
    case 'evaluationYear':
      return settings.evaluationYear === null
        ? en
          ? 'latest year with actuals'
          : '実績のある最新年度'
        : formatFiscalYear(settings.evaluationYear);
    case 'rowTint':
      return yesNo(settings.rowTint, language);
    case 'paperSize':
      return settings.paperSize;
    case 'columnMappings': {
      const mappings = settings.columnMappings ?? [];
      return mappings.length === 0 ? none : mappings.map(formatMapping).join('; ');
    }
    case 'commentColumns':
      return yesNo(settings.commentColumns === true, language);
    case 'previousYearColumns':
      if (settings.previousYearColumns !== true) return yesNo(false, language);
      return `${yesNo(true, language)} (${
        settings.previousYear === undefined
          ? en
            ? 'the year before'
            : '評価年度の前の年度'
          : formatFiscalYear(settings.previousYear)
      })`;
    case 'directionOverrides': {
      const overrides = settings.directionOverrides ?? [];
      return overrides.length === 0 ? none : overrides.map((o) => `${o.row}=${o.direction}`).join(', ');
    }
    case 'department':
      return department ?? (en ? 'every department' : 'すべての担当課');
    default:
      throw new Error(`no text for setting ${definition.key}`);
  }
}
