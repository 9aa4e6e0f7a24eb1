export * from './app';
export * from './accounts';
export * from './batch';
export * from './files';
export * from './failures';
export * from './task-index';
export * from './storage';
