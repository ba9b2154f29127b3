/**
 * The contract shared by main, preload and renderer: types, zod schemas, IPC channels, the CSP.
 */
export * from './language';
export * from './media';
export * from './deck';
export * from './playlist';
export * from './schedule';
export * from './settings';
export * from './ipc';
export * from './csp';
export * from './admin';
export * from './playLog';
/*
 * The rules built on the contract, re-exported for the renderer's imports until they name
 * ../domain themselves. Main, the tests and the scripts import ../domain directly; nothing in
 * contract/ itself uses it.
 */
export * from '../domain';
export * from './fleet';
