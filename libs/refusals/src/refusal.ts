import type { RuleName } from './rules';

/** The `extensions.code` of a refusal (the contract's codes the application raises itself). */
export type RefusalCode =
  'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'RULE_VIOLATION' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'STALE_READ';

/**
 * Base of every refusal the service raises (domain, concurrency, idempotency, query input, access, import):
 * `code` for `extensions.code`, the `rule` from the one catalogue, the input `field` it concerns, and `details`
 * a client can act on (the overlapping grant, the missing tier, the expected format), passed on in extensions.
 */
export abstract class Refusal extends Error {
  abstract readonly code: RefusalCode;
  constructor(
    readonly rule: RuleName,
    readonly field: string | null,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    // Class names survive swc's keepClassNames; set explicitly so logs read well after bundling.
    this.name = new.target.name;
  }
}
