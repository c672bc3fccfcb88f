/** Which requirement sets this Excel has, asked of office.js without trusting it to have the question. */
import { officeFeatures, MINIMUM_FEATURES } from '../../src/excel/features';

describe('officeFeatures', () => {
  const global = globalThis as { Office?: unknown };
  afterEach(() => delete global.Office);

  test('an office.js without requirements.isSetSupported (an old build) means ExcelApi 1.7 only', () => {
    global.Office = { context: { requirements: {} } };
    expect(officeFeatures()).toEqual(MINIMUM_FEATURES);
  });

  test('each feature follows the requirement set it needs', () => {
    const have = new Set(['1.7', '1.8', '1.9']);
    global.Office = {
      context: {
        requirements: { isSetSupported: (name: string, v: string) => name === 'ExcelApi' && have.has(v) },
      },
    };
    expect(officeFeatures()).toEqual({
      ...MINIMUM_FEATURES,
      pageLayout: true,
      suspendScreenUpdating: true,
      dataValidation: true,
      ruleAreas: true,
      runtimeEvents: true,
    });
  });
});
