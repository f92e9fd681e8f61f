import { Injectable } from '@nestjs/common';

/** What a readiness condition answers: `ready`, and details shown in /health/ready's answer. */
export type ReadinessAnswer = { readonly ready: boolean } & Readonly<Record<string, unknown>>;

/** One condition of /health/ready beside the database's (e.g. the read models' lag). */
export interface ReadinessCondition {
  /** Its key in /health/ready's answer. */
  readonly name: string;
  /** Ready or not, with details; a throw counts as not ready (its message is shown). */
  check(): Promise<ReadinessAnswer>;
}

/** The conditions libraries add to readiness (injectable everywhere through PlatformModule). */
@Injectable()
export class ReadinessChecks {
  private readonly conditions: ReadinessCondition[] = [];

  add(condition: ReadinessCondition): void {
    if (this.conditions.some((c) => c.name === condition.name)) {
      throw new Error(`readiness condition ${condition.name} is already registered`);
    }
    this.conditions.push(condition);
  }

  list(): readonly ReadinessCondition[] {
    return this.conditions;
  }
}
