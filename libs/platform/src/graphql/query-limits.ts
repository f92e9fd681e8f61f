// What one request may ask for, refused before anything runs. Shape limits (aliases, depth, directives) come from
// @escape.tech/graphql-armor. Two of its parts fall short here and are replaced:
// - its cost rule prices every field alike and cannot see arguments or variables, so ten years of monthly trend
//   points would cost the same as one: the cost is computed with graphql-query-complexity instead, from the
//   variables, with each root field priced by the caller (rootCosts);
// - its token limit parses every document a second time and, under Apollo, answers an oversized one with HTTP 500:
//   graphql-js's own parser limit (parseOptions.maxTokens) refuses it during the one parse, as a 400 parse error.
import type { RuleName } from '@cl/refusals';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isListType,
  type GraphQLField,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';

/** Prices a root field from its arguments and the cost of what it selects (`child`: one item's worth). */
export type RootCost = (args: Record<string, unknown>, child: number) => number;

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  /** The most a request may cost (root fields priced by `rootCosts`, other list fields × `listLength`). */
  maxCost: number;
  /** Root fields (of Query and Mutation) by name; a field not listed costs 1 + what it selects. */
  rootCosts: Readonly<Record<string, RootCost>>;
  /** Items assumed in a nested list field (an enterprise's certifications, a progress row's groups). */
  listLength: number;
}

function refusal(message: string, rule: RuleName): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', rule, http: { status: 400 } } });
}

/** An armor rejection as this service's error: one sentence and a rule. */
function reject(rule: RuleName) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    context?.reportError(refusal(error.message.replace(/^Syntax Error: /, 'The query is refused: '), rule));
  };
}

function estimator(limits: QueryLimits) {
  return ({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number => {
    if (type.name === 'Query' || type.name === 'Mutation') {
      const root = limits.rootCosts[field.name];
      return root ? root(args, childComplexity) : 1 + childComplexity;
    }
    // Connections are priced at their root (by `first`); their edges list is one item's worth.
    if (field.name === 'edges') return childComplexity;
    return 1 + childComplexity * (isList(field) ? limits.listLength : 1);
  };
}

const isList = (field: GraphQLField<unknown, unknown>) =>
  isListType(getNullableType(field.type)) && !getNamedType(field.type).name.startsWith('__');

/** Refuses a request costing more than maxCost, once its variables are known (before execution). */
function costPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operationName, operation }) {
          // graphql-js lets an operation of a kind the schema lacks (subscription) through validation
          if (operation && !schema.getRootType(operation.operation)) {
            throw refusal(`This service has no ${operation.operation} operations`, 'OPERATION_NOT_SUPPORTED');
          }
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: operationName ?? undefined,
              estimators: [estimator(limits)],
            });
          } catch (error) {
            // a variable that does not coerce: execution reports it with its own words
            if (error instanceof GraphQLError) return;
            throw error;
          }
          if (cost > limits.maxCost) {
            throw refusal(
              `The query would cost about ${Math.round(cost)}; the limit is ${limits.maxCost}: ask for fewer or smaller fields`,
              'MAX_COST',
            );
          }
        },
      };
    },
  };
}

/** Apollo plugins and validation rules that hold a request to the limits. */
export function queryLimits(limits: QueryLimits): {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
} {
  const common = { exposeLimits: true, propagateOnRejection: false };
  const armor = new ApolloArmor({
    costLimit: { enabled: false },
    maxAliases: { ...common, n: limits.maxAliases, onReject: [reject('MAX_ALIASES')] },
    maxDepth: { ...common, n: limits.maxDepth, flattenFragments: true, onReject: [reject('MAX_DEPTH')] },
    maxDirectives: { ...common, n: limits.maxDirectives, onReject: [reject('MAX_DIRECTIVES')] },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return {
    plugins: [...(armor.plugins as ApolloServerPlugin[]), costPlugin(limits)],
    validationRules: armor.validationRules as ValidationRule[],
    parseOptions: { maxTokens: limits.maxTokens },
  };
}
