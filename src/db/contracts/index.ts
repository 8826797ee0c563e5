export * from './households';
export * from './areas';
export * from './upgrading';
export * from './parameters';
export * from './ddl';
