import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An index on the recording time, so that what was recorded after a moment (`readRecordedAfter`: the cohort as known
 * at it, a report's restatement) is found without a scan of the log. Only an index: reverting it loses nothing.
 */
export class EventsRecordedAt1764288000001 implements MigrationInterface {
  name = 'EventsRecordedAt1764288000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX IF NOT EXISTS events_recorded_at ON events (recorded_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IF EXISTS events_recorded_at');
  }
}
