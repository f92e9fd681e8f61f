import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Creates the PostgreSQL event store: `events` and `event_commands`.
 * `global_position` is (transaction id << 20) | index within the transaction; the CHECK keeps it so, which also
 * turns an impossible overflow (2^43 transaction ids, or 2^20 events in one transaction) into an error rather than
 * a wrong order. See README.md, "Ordering".
 */
export class CreateEventStore1764288000000 implements MigrationInterface {
  name = 'CreateEventStore1764288000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE events (
        global_position bigint PRIMARY KEY,
        stream_id text NOT NULL,
        stream_version integer NOT NULL CHECK (stream_version >= 0),
        event_id uuid NOT NULL,
        type text NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', statement_timestamp()),
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        CONSTRAINT events_stream_version_key UNIQUE (stream_id, stream_version),
        CONSTRAINT events_event_id_key UNIQUE (event_id),
        CONSTRAINT events_position_from_transaction CHECK ((global_position >> 20) = transaction_id::text::bigint)
      )`);
    await queryRunner.query(`
      CREATE TABLE event_commands (
        command_id text PRIMARY KEY,
        stream_id text NOT NULL,
        first_version integer NOT NULL,
        event_count integer NOT NULL,
        next_version integer NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE event_commands');
    await queryRunner.query('DROP TABLE events');
  }
}
