// Convenience barrel for pages and the store. The content script should import the specific modules it needs
// (linkedin, email, text) so that the phone metadata and the hashing WebAssembly stay out of its bundle.
export * from './classify';
export * from './domain';
export * from './email';
export * from './hash';
export * from './host';
export * from './linkedin';
export * from './phone';
export * from './result';
export * from './text';
