export * from './common';
export { elsewhereFindings } from './elsewhere';
export * from './eu';
export * from './germany';
export * from './hours';
export * from './north-america';
export * from './other-countries';
export * from './uk';
