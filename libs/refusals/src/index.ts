// Refusals: one coded base and one rule catalogue, shared by every layer and the console. Depends on nothing.
export * from './rules';
export * from './refusal';
export * from './texts';
