export * from './common';
export { elsewhereFindings } from './elsewhere';
export * from './eu';
export * from './germany';
export * from './north-america';
export * from './uk';
