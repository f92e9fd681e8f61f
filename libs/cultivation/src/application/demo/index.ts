export * from './cohort-generator';
export * from './prng';
export * from './seed-demo-cohort';
export * from './demo-shape';
