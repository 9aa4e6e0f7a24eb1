export * from './app';
export * from './accounts';
