// Checks that run once a request's operation is known and before anything executes (the cost table, input
// hygiene, rate limits, read-your-writes): Mercurius's preExecution hook, which runs for every request — also for
// a document served from its parse-and-validate cache — with the request's variables.
import { type DiscoveryService } from '@nestjs/core';
import { SetMetadata } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type DocumentNode, getOperationAST, type OperationDefinitionNode } from 'graphql';

/** The GraphQL context as Mercurius hands it to hooks (HTTP: `reply` is there; WebSocket: it is not). */
export interface OperationContext {
  req?: { headers: Record<string, string | string[] | undefined>; ip?: string };
  reply?: FastifyReply;
  actor?: unknown;
  [key: string]: unknown;
}

export interface OperationCheck {
  readonly operation: OperationDefinitionNode;
  readonly document: DocumentNode;
  readonly variables: Record<string, unknown>;
  readonly context: OperationContext;
}

/** A provider that refuses (throws a coded GraphQLError) or lets a request's operation run. */
export interface BeforeOperation {
  beforeOperation(check: OperationCheck): Promise<void>;
}

const BEFORE_OPERATION = 'cl:before-operation';

/** Marks a provider as a BeforeOperation check; the GraphQL module finds and runs every such provider. */
export const BeforeOperationCheck = (): ClassDecorator => SetMetadata(BEFORE_OPERATION, true);

/** The marked providers' instances, found once (after every module has built its providers). */
export function discoveredChecks(discovery: DiscoveryService): () => BeforeOperation[] {
  let found: BeforeOperation[] | undefined;
  return () =>
    (found ??= discovery
      .getProviders()
      .filter((w) => w.instance && w.metatype && Reflect.getMetadata(BEFORE_OPERATION, w.metatype))
      .map((w) => w.instance as BeforeOperation));
}

/** The operation name the request asked for (POST body or GET query string). */
export function requestedOperationName(reply: FastifyReply | undefined): string | undefined {
  const request = reply?.request as FastifyRequest<{ Body: { operationName?: unknown } }> | undefined;
  const source = (request?.method === 'GET' ? request.query : request?.body) as { operationName?: unknown } | undefined;
  return typeof source?.operationName === 'string' ? source.operationName : undefined;
}

/** The operation a request runs, or null when the document does not say which (graphql-js's rule). */
export function operationOf(document: DocumentNode, reply: FastifyReply | undefined): OperationDefinitionNode | null {
  return getOperationAST(document, requestedOperationName(reply)) ?? null;
}
