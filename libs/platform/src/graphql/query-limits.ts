import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

export interface QueryLimits {
  /** Deepest nesting of selections allowed. */
  maxDepth: number;
  /** Most fields a query may select, counting a list field's `first` (default 50) as a multiplier. */
  maxCost: number;
}

type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;

function measure(set: SelectionSetNode, fragments: Fragments, seen: Set<string>): { depth: number; cost: number } {
  let depth = 0;
  let cost = 0;
  for (const selection of set.selections) {
    let inner: SelectionSetNode | undefined;
    let multiplier = 1;
    let own = 0;
    if (selection.kind === Kind.FIELD) {
      // Introspection is bounded by the schema itself (and switched by GRAPHQL_INTROSPECTION).
      if (selection.name.value.startsWith('__')) continue;
      own = 1;
      inner = selection.selectionSet;
      const first = selection.arguments?.find((a) => a.name.value === 'first');
      if (first?.value.kind === Kind.INT) multiplier = Math.max(1, Number(first.value.value));
      else if (first) multiplier = 50;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      inner = selection.selectionSet;
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || seen.has(name)) continue;
      inner = fragment.selectionSet;
      seen = new Set(seen).add(name);
    }
    const below = inner ? measure(inner, fragments, seen) : { depth: 0, cost: 0 };
    const levels = selection.kind === Kind.FIELD ? 1 : 0;
    depth = Math.max(depth, below.depth + levels);
    cost += own + below.cost * multiplier;
  }
  return { depth, cost };
}

/** A validation rule refusing queries deeper or costlier than the limits, before anything runs. */
export function queryLimitsRule(limits: QueryLimits) {
  return (context: ValidationContext): ASTVisitor => {
    const document = context.getDocument();
    const fragments = new Map(
      document.definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    return {
      OperationDefinition(operation) {
        const { depth, cost } = measure(operation.selectionSet, fragments, new Set());
        if (depth > limits.maxDepth) {
          context.reportError(
            new GraphQLError(`Query is ${depth} levels deep; the limit is ${limits.maxDepth}`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', rule: 'max-depth' },
            }),
          );
        }
        if (cost > limits.maxCost) {
          context.reportError(
            new GraphQLError(`Query selects about ${cost} fields; the limit is ${limits.maxCost}`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', rule: 'max-cost' },
            }),
          );
        }
      },
    };
  };
}
