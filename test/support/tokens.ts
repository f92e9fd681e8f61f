import { TokenService, type Role } from '@cl/platform';

/** The secret the e2e API is configured with (see useTestApi). */
export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret!';

const tokens = new TokenService({ secret: TEST_JWT_SECRET });

/** A bearer token for a role (and district for district officials). */
export function tokenFor(role: Role, district?: string, sub = `${role.toLowerCase()}-1`): Promise<string> {
  return tokens.sign({ sub, roles: [role], ...(district ? { district } : {}) });
}
