/**
 * Which Office.js features above the manifest's minimum (ExcelApi 1.7) this Excel has. Passed in
 * rather than looked up where used, so tests can turn requirement sets off.
 */
export interface Features {
  /** `Range.getMergedAreasOrNullObject` (ExcelApi 1.13). */
  readonly mergedAreas: boolean;
  /** `Worksheet.pageLayout`, page breaks, headers and footers (ExcelApi 1.9). */
  readonly pageLayout: boolean;
  /** `Application.suspendScreenUpdatingUntilNextSync` (ExcelApi 1.9). */
  readonly suspendScreenUpdating: boolean;
  /** `Range.dataValidation` (ExcelApi 1.8). */
  readonly dataValidation: boolean;
  /** `WorksheetChangedEventArgs.triggerSource` (ExcelApi 1.14). */
  readonly eventTriggerSource: boolean;
  /** `ConditionalFormat.getRanges`, every rectangle of a rule (ExcelApi 1.9). */
  readonly ruleAreas: boolean;
  /** `context.runtime.enableEvents`: the add-in's writes raise no events of its own (ExcelApi 1.8). */
  readonly runtimeEvents: boolean;
}

export type IsSetSupported = (name: string, minVersion: string) => boolean;

export function detectFeatures(isSetSupported: IsSetSupported): Features {
  const excelApi = (version: string): boolean => isSetSupported('ExcelApi', version);
  return {
    mergedAreas: excelApi('1.13'),
    pageLayout: excelApi('1.9'),
    suspendScreenUpdating: excelApi('1.9'),
    dataValidation: excelApi('1.8'),
    eventTriggerSource: excelApi('1.14'),
    ruleAreas: excelApi('1.9'),
    runtimeEvents: excelApi('1.8'),
  };
}

/**
 * Features of the running Office; everything off outside Office, and where office.js lacks
 * `requirements.isSetSupported` (older builds: then only the manifest's minimum is assumed). Never throws.
 * https://learn.microsoft.com/javascript/api/office/office.requirementsetsupport
 */
export function officeFeatures(): Features {
  const requirements = typeof Office !== 'undefined' ? Office.context?.requirements : undefined;
  return detectFeatures((name, version) => requirements?.isSetSupported?.(name, version) ?? false);
}

export const ALL_FEATURES: Features = {
  mergedAreas: true,
  pageLayout: true,
  suspendScreenUpdating: true,
  dataValidation: true,
  eventTriggerSource: true,
  ruleAreas: true,
  runtimeEvents: true,
};

/** ExcelApi 1.7 only: what perpetual Excel 2019 or an old Excel on the web offers. */
export const MINIMUM_FEATURES: Features = {
  mergedAreas: false,
  pageLayout: false,
  suspendScreenUpdating: false,
  dataValidation: false,
  eventTriggerSource: false,
  ruleAreas: false,
  runtimeEvents: false,
};
