/** The contract shared by main, preload and renderer: types, zod schemas, IPC channels. */
export * from './language';
export * from './media';
export * from './deck';
export * from './playlist';
export * from './schedule';
export * from './clock';
export * from './readingTime';
export * from './settings';
export * from './contentReview';
export * from './ipc';
export * from './csp';
export * from './admin';
export * from './firstScreen';
export * from './playLog';
