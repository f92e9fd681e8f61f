// Typed refusals. Each names the rule it enforces and the input field it concerns, so the
// GraphQL layer can map `code` to `extensions.code` and `field` to `extensions.field` unchanged.
import type { RuleName } from './rules';

export type DomainErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'RULE_VIOLATION';

/** Base of every refusal the domain raises. */
export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  constructor(
    readonly rule: RuleName,
    readonly field: string,
    message: string,
    /** Facts a client can act on (e.g. the overlapping grant), passed on in the error's extensions. */
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    // Class names survive swc's keepClassNames; set explicitly so logs read well after bundling.
    this.name = new.target.name;
  }
}

/** The input itself is malformed or outside a catalogue (BAD_USER_INPUT). */
export class InvalidInput extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;
}

/** The enterprise or event referred to does not exist (NOT_FOUND). */
export class NotFound extends DomainError {
  readonly code = 'NOT_FOUND' as const;
}

/** The command collides with what already exists (CONFLICT). */
export class Conflict extends DomainError {
  readonly code = 'CONFLICT' as const;
}

/** The command breaks a rule of the domain given the enterprise's history (RULE_VIOLATION). */
export class RuleViolation extends DomainError {
  readonly code = 'RULE_VIOLATION' as const;
}
