import { Command, Option } from 'commander';
import { DISTRICTS } from '@cl/cultivation/reference';
import { loadConfig, resolveJwtSecret, type Role, ROLES, TokenService } from '@cl/platform/tokens';

/** `token`: prints a development token signed with the service's secret. */
export function tokenCommand(): Command {
  return new Command('token')
    .description('print a bearer token for a role (signed with JWT_SECRET or the secret generated in DATA_DIR)')
    .addOption(new Option('--role <role>', 'role to put in the token').choices([...ROLES]).makeOptionMandatory())
    .option('--district <code>', 'district code (required for DISTRICT_OFFICIAL)')
    .option('--sub <subject>', 'subject (user id)', 'dev-user')
    .option('--expires <duration>', 'lifetime, e.g. 12h or 30d', '12h')
    .action(async (opts: { role: Role; district?: string; sub: string; expires: string }) => {
      if (opts.role === 'DISTRICT_OFFICIAL' && !opts.district) {
        throw new Error('--district is required for DISTRICT_OFFICIAL (e.g. --district 120116)');
      }
      if (opts.district && !DISTRICTS.some((d) => d.code === opts.district)) {
        throw new Error(
          `--district must be one of Tianjin's district codes (${DISTRICTS.map((d) => d.code).join(', ')})`,
        );
      }
      const config = loadConfig();
      const tokens = new TokenService({
        secret: resolveJwtSecret(config).secret,
        issuer: config.jwtIssuer,
        audience: config.jwtAudience,
      });
      const token = await tokens.sign(
        { sub: opts.sub, roles: [opts.role], ...(opts.district ? { district: opts.district } : {}) },
        opts.expires,
      );
      process.stdout.write(`${token}\n`);
    });
}
