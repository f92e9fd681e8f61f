import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Matches, MaxLength, Min } from 'class-validator';

/** Fields every mutation input may carry. */
@InputType({ isAbstract: true })
export abstract class IdempotentInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Idempotency key: the same key again returns the first result and writes nothing.',
  })
  @IsOptional()
  @MaxLength(128)
  @Matches(/^[\w.:-]+$/, { message: 'commandId may hold letters, digits and . _ : - only' })
  commandId?: string | null;
}

/** Inputs that act on one existing enterprise's stream. */
@InputType({ isAbstract: true })
export abstract class EnterpriseCommandInput extends IdempotentInput {
  @Field()
  @MaxLength(32)
  creditCode: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The stream version the caller last saw; a mismatch is a CONFLICT.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number | null;
}
