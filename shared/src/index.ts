export * from './messages.ts';
export * from './protocol.ts';
export * from './viewPatch.ts';
