// The names every refusal carries in `rule` live in one catalogue (@cl/refusals); the domain raises its part.
export { DOMAIN_RULES as RULES, type DomainRuleName as RuleName } from '@cl/refusals';
