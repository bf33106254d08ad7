export * from './http-client';
export * from './test-platform';
export * from './mail-links';
export * from './sign-up';
