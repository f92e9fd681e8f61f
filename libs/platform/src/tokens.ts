// A second, light public entry of the platform library: what signing a development token needs (configuration,
// the secret, the token service), without Nest, TypeORM or GraphQL, so `npm run token` starts in a fraction of a
// second. Everything here is also exported by index.ts.
export { loadConfig } from './config/load-config';
export { resolveJwtSecret } from './auth/jwt-secret';
export { TokenService } from './auth/token-service';
export { ROLES, type Role } from './auth/actor';
