/**
 * office-addin-mock needs only the `OfficeApp` enum from office-addin-manifest, whose entry point pulls in
 * @microsoft/app-manifest, an ES module jest cannot require on Node 20. Jest maps the import here (see
 * jest.config.js); the values are office-addin-manifest's own.
 */
export enum OfficeApp {
  Excel = 'excel',
  OneNote = 'onenote',
  Outlook = 'outlook',
  PowerPoint = 'powerpoint',
  Project = 'project',
  Word = 'word',
}
