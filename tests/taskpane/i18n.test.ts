import { DEFAULT_SETTINGS } from '../../src/core/settings';

const SCALE = DEFAULT_SETTINGS.scale;
import {
  gradeCode,
  gradeName,
  language,
  languageFor,
  presetLabel,
  setLanguage,
  t,
  yearLabel,
} from '../../src/taskpane/i18n';

describe('the pane speaks Japanese, English where Office is English', () => {
  afterEach(() => setLanguage('ja'));

  it.each([
    ['ja-JP', 'ja'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['EN-us', 'en'],
    ['fr-FR', 'ja'],
    [undefined, 'ja'],
  ])('display language %s gives %s', (display, expected) => {
    expect(languageFor(display)).toBe(expected);
  });

  it('names the buttons and fiscal years in the chosen language', () => {
    expect(t('evaluate')).toBe('評価する');
    expect(t('printButton')).toBe('印刷用に整える');
    expect(yearLabel(2024)).toBe('R6');
    expect(yearLabel(2019)).toBe('R元');
    expect(yearLabel(2018)).toBe('H30');
    setLanguage('en');
    expect(language()).toBe('en');
    expect(t('evaluate')).toBe('Evaluate');
    expect(yearLabel(2024)).toBe('FY2024');
  });

  it('fills in parameters and leaves unknown ones visible', () => {
    expect(t('missingTitle', { year: 'R6' })).toBe('R6 の値が未入力・読めない KPI');
    expect(t('missingTitle')).toBe('{year} の値が未入力・読めない KPI');
  });
});

describe('the English pane names presets and grades in English', () => {
  afterEach(() => setLanguage('ja'));

  it('names presets for what they set, never like a basis', () => {
    expect(presetLabel('標準')).toBe('標準（達成率 100・80・60）');
    expect(presetLabel('進捗率')).toBe('進捗重視（進捗率 100・80・50）');
    expect(presetLabel('◎○△×')).toBe('◎○△×（達成率 100・80・60）');
    expect(presetLabel('S/A/B/C')).toBe('S/A/B/C（達成率 120・100・80）');
    expect(presetLabel('達成/未達成')).toBe('達成/未達成（目標に届いたかどうか）');
    expect(presetLabel('市の独自')).toBe('市の独自');
    setLanguage('en');
    expect(presetLabel('標準')).toBe('Standard (achievement 100 / 80 / 60)');
    expect(presetLabel('進捗率')).toBe('Progress-focused (progress 100 / 80 / 50)');
    // The scale presets: no Japanese left in the English pane's drop-down.
    expect(presetLabel('◎○△×')).toBe('◎○△× (achievement 100 / 80 / 60)');
    expect(presetLabel('S/A/B/C')).toBe('S/A/B/C (achievement 120 / 100 / 80)');
    expect(presetLabel('達成/未達成')).toBe('Achieved / not achieved (target reached or not)');
  });

  it('gives 廃止 an English name and every grade its label', () => {
    expect(gradeName('D', SCALE)).toBe('D 遅れ');
    expect(gradeName('廃止', SCALE)).toBe('廃止');
    setLanguage('en');
    expect(gradeCode('廃止')).toBe('Abolished');
    expect(gradeName('廃止', SCALE)).toBe('Abolished');
    expect(gradeName('D', SCALE)).toBe('D behind');
  });
});
