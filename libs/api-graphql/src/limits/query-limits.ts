import {
  ASTVisitor,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLError,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from 'graphql';
import { DEFAULT_FIRST, MAX_FIRST } from '../types/connection';

// Abuse limits, checked as validation rules: a query over a limit is refused before any
// resolver runs. Both walk fragments (cycles are refused by graphql-js' own rules first).

/**
 * Introspection (`__schema`, `__type`) walks the schema, not data: its depth does not count
 * toward the data limit, so graphql-js' standard introspection query (15 levels, as GraphiQL,
 * Apollo Sandbox and codegen send it) passes; it has its own, fixed bound instead.
 */
export const INTROSPECTION_MAX_DEPTH = 20;
const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/** Nesting depth of fields, e.g. `{ project { rootAsset { name } } }` is 3. */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation: OperationDefinitionNode) {
      const depth = measure(
        context,
        operation.selectionSet,
        (field, inner) => (INTROSPECTION_FIELDS.has(field.name.value) ? 0 : 1 + inner),
        Math.max,
      );
      const withIntrospection = measure(
        context,
        operation.selectionSet,
        (_field, inner) => 1 + inner,
        Math.max,
      );
      const introspectionLimit = Math.max(maxDepth, INTROSPECTION_MAX_DEPTH);
      if (depth > maxDepth || withIntrospection > introspectionLimit) {
        const [seen, limit] =
          depth > maxDepth ? [depth, maxDepth] : [withIntrospection, introspectionLimit];
        context.reportError(
          new GraphQLError(`The query is ${seen} levels deep; at most ${limit} are allowed`, {
            nodes: [operation],
            extensions: { code: 'QUERY_TOO_DEEP', depth: seen, maxDepth: limit },
          }),
        );
      }
    },
  });
}

/**
 * Estimated cost: every field costs 1, and a list's selection counts once per item it may
 * return (`first`, default 50; `first: $variable` counts as the maximum, 100), so nested lists
 * multiply: 50 assets × 10 comments each = 500 comment selections.
 */
export function costLimitRule(maxCost: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation: OperationDefinitionNode) {
      const cost = measure(
        context,
        operation.selectionSet,
        (field, inner) => 1 + listSize(field) * inner,
        (a, b) => a + b,
      );
      if (cost > maxCost) {
        context.reportError(
          new GraphQLError(
            `The query may cost ${cost}; at most ${maxCost} is allowed (ask for fewer items per list)`,
            { nodes: [operation], extensions: { code: 'QUERY_TOO_COMPLEX', cost, maxCost } },
          ),
        );
      }
    },
  });
}

/** Lists whose size is not given by `first`: assumed to hold this many (a thread's replies). */
const UNBOUNDED_LIST = 10;
const LIST_FIELDS = new Set(['replies', 'mentions', 'assetIds']);

function listSize(field: FieldNode): number {
  const first = field.arguments?.find((a) => a.name.value === 'first');
  if (first) {
    if (first.value.kind === Kind.INT) return Math.max(1, Number(first.value.value));
    return MAX_FIRST;
  }
  if (field.selectionSet?.selections.some((s) => s.kind === Kind.FIELD && s.name.value === 'edges'))
    return DEFAULT_FIRST;
  return LIST_FIELDS.has(field.name.value) ? UNBOUNDED_LIST : 1;
}

/**
 * Folds a selection set. Each fragment is measured once per operation and its value reused
 * (memoised), so the work is linear in the document: without this, a 1 KB document whose
 * fragments each spread the next one several times is re-walked exponentially often. A fragment
 * already being measured (a cycle, which graphql-js refuses in the same validation pass) counts 0.
 */
function measure(
  context: ValidationContext,
  selectionSet: SelectionSetNode | undefined,
  field: (node: FieldNode, inner: number) => number,
  combine: (a: number, b: number) => number,
  memo: Map<string, number | 'pending'> = new Map(),
): number {
  if (!selectionSet) return 0;
  let total = 0;
  for (const selection of selectionSet.selections) {
    let value = 0;
    if (selection.kind === Kind.FIELD) {
      const inner = measure(context, selection.selectionSet, field, combine, memo);
      value = field(selection, inner);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      value = measure(context, selection.selectionSet, field, combine, memo);
    } else {
      const name = selection.name.value;
      const known = memo.get(name);
      if (known === 'pending') continue;
      if (known !== undefined) {
        value = known;
      } else {
        const fragment: FragmentDefinitionNode | null | undefined = context.getFragment(name);
        if (!fragment) continue;
        memo.set(name, 'pending');
        value = measure(context, fragment.selectionSet, field, combine, memo);
        memo.set(name, value);
      }
    }
    total = combine(total, value);
  }
  return total;
}

/** Caps on the document itself, checked before (tokens) or with (the rest) validation. */
export const DOCUMENT_LIMITS = {
  /** Lexical tokens of one document (graphql-js stops parsing at the limit). */
  maxTokens: 5_000,
  /** Aliased fields per operation (fragments counted once: graphql-armor). */
  maxAliases: 20,
  /** Directives per operation (graphql-armor). */
  maxDirectives: 20,
  /** Fragment spreads in one document. */
  maxFragmentSpreads: 100,
} as const;

/** At most `max` fragment spreads in the document; stops counting at the first one over. */
export function fragmentSpreadLimitRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let spreads = 0;
    return {
      FragmentSpread(node) {
        spreads += 1;
        if (spreads === max + 1) {
          context.reportError(
            new GraphQLError(`The document has over ${max} fragment spreads`, {
              nodes: [node],
              extensions: { code: 'QUERY_TOO_COMPLEX', maxFragmentSpreads: max },
            }),
          );
        }
      },
    };
  };
}
