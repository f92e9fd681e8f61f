export * from './web-console.module';
