import { language, languageFor, setLanguage, t, yearLabel } from '../../src/taskpane/i18n';

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
