export * from './grid';
export * from './reading';
export * from './kpi-sheet';
export * from './settings';
export * from './evaluation';
export * from './write-plan';
export * from './column-mapping';
