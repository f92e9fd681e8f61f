// The backup file: gzip-compressed JSON lines. The first line names the format; then every event in log order,
// then every command record; the last line ("end") gives the counts and the SHA-256 of every byte before it
// (uncompressed). A file cut short has no end line (and a broken gzip stream); a changed byte breaks gzip's CRC
// or the SHA-256. Reading never holds more than one page of the file in memory.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { DamagedBackup } from '../errors';
import { POSITION_PATTERN } from '../position';
import type { EventToWrite } from './log-writer';
import type { CommandRecord } from '../transfer/log-transfer';

export const BACKUP_FORMAT = 'cultivation-ledger-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupHeader {
  kind: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** The last position the source held at the snapshot (null: empty); positions are renumbered on restore. */
  head: string | null;
}

export interface BackupEvent extends EventToWrite {
  /** The position the event had in the source: kept for reference; the file's order is the log's order. */
  position: string;
  recordedAt: string;
}

export interface BackupCommand extends CommandRecord {
  recordedAt: string;
}

export interface BackupEnd {
  kind: 'end';
  events: number;
  commands: number;
  sha256: string;
}

export type BackupPage = { kind: 'events'; events: BackupEvent[] } | { kind: 'commands'; commands: BackupCommand[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PAGE = 5_000;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isTime = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

function event(line: Record<string, unknown>): BackupEvent | undefined {
  const { position, streamId, version, eventId, type, data, metadata, recordedAt } = line;
  if (typeof position !== 'string' || !POSITION_PATTERN.test(position)) return undefined;
  if (!isText(streamId) || !isCount(version) || typeof eventId !== 'string' || !UUID.test(eventId)) return undefined;
  if (!isText(type) || !isObject(data) || !isObject(metadata) || !isTime(recordedAt)) return undefined;
  return { position, streamId, version, eventId, type, data, metadata, recordedAt };
}

function command(line: Record<string, unknown>): BackupCommand | undefined {
  const { commandId, streamId, firstVersion, eventCount, nextVersion, recordedAt } = line;
  if (!isText(commandId) || !isText(streamId) || !isCount(firstVersion) || !isCount(eventCount)) return undefined;
  if (!Number.isInteger(nextVersion) || !isTime(recordedAt)) return undefined;
  return { commandId, streamId, firstVersion, eventCount, nextVersion: nextVersion as number, recordedAt };
}

/** The decompressed file as lines (without their '\n'), each a Buffer. */
async function* lines(input: Readable): AsyncGenerator<Buffer> {
  const gunzip = input.pipe(createGunzip());
  input.on('error', (error) => gunzip.destroy(error));
  let rest: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of gunzip) {
      let buffer = rest.length === 0 ? (chunk as Buffer) : Buffer.concat([rest, chunk as Buffer]);
      for (let end = buffer.indexOf(10); end !== -1; end = buffer.indexOf(10)) {
        yield buffer.subarray(0, end);
        buffer = buffer.subarray(end + 1);
      }
      rest = buffer;
    }
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('Z_') || code === 'ERR_INVALID_ARG_TYPE') {
      throw new DamagedBackup(`the compressed data is broken (${(error as Error).message})`);
    }
    throw error;
  }
  if (rest.length > 0) throw new DamagedBackup('the file ends in the middle of a line (cut short)');
}

/**
 * Reads a backup page by page, checking its structure as it goes; throws DamagedBackup on the first fault, and at
 * the end unless the end line's counts and SHA-256 match what was read. Only a whole read proves the file whole:
 * whoever writes what it reads does so in a transaction committed after the last page.
 */
export async function* readBackup(input: Readable): AsyncGenerator<BackupPage, BackupHeader> {
  const hash = createHash('sha256');
  let header: BackupHeader | undefined;
  let end: BackupEnd | undefined;
  let events: BackupEvent[] = [];
  let commands: BackupCommand[] = [];
  let eventCount = 0;
  let commandCount = 0;
  let lastPosition = -1n;
  let lineNo = 0;
  for await (const raw of lines(input)) {
    lineNo++;
    if (end) throw new DamagedBackup(`line ${lineNo}: data after the end line`);
    let line: unknown;
    try {
      line = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new DamagedBackup(`line ${lineNo} is not JSON`);
    }
    if (!isObject(line)) throw new DamagedBackup(`line ${lineNo} is not a JSON object`);
    if (!header) {
      if (line.kind !== BACKUP_FORMAT) throw new DamagedBackup(`this is not a ${BACKUP_FORMAT} file (first line)`);
      if (line.version !== BACKUP_FORMAT_VERSION) {
        throw new DamagedBackup(`format version ${String(line.version)}; this release reads ${BACKUP_FORMAT_VERSION}`);
      }
      header = line as unknown as BackupHeader;
    } else if (line.kind === 'event') {
      const e = event(line);
      if (!e) throw new DamagedBackup(`line ${lineNo}: not a well-formed event`);
      if (commandCount > 0) throw new DamagedBackup(`line ${lineNo}: an event after the command records`);
      if (BigInt(e.position) <= lastPosition) throw new DamagedBackup(`line ${lineNo}: events out of log order`);
      lastPosition = BigInt(e.position);
      events.push(e);
      eventCount++;
    } else if (line.kind === 'command') {
      const c = command(line);
      if (!c) throw new DamagedBackup(`line ${lineNo}: not a well-formed command record`);
      commands.push(c);
      commandCount++;
    } else if (line.kind === 'end') {
      end = line as unknown as BackupEnd;
      continue; // the end line is not part of what its checksum covers
    } else {
      throw new DamagedBackup(`line ${lineNo}: unknown kind ${JSON.stringify(line.kind)}`);
    }
    hash.update(raw);
    hash.update('\n');
    if (events.length === PAGE || (events.length > 0 && commands.length > 0)) {
      yield { kind: 'events', events };
      events = [];
    }
    if (commands.length === PAGE) {
      yield { kind: 'commands', commands };
      commands = [];
    }
  }
  if (!header) throw new DamagedBackup('the file is empty');
  if (!end) throw new DamagedBackup('it has no end line (cut short)');
  if (end.events !== eventCount || end.commands !== commandCount) {
    throw new DamagedBackup(
      `the end line counts ${end.events} events and ${end.commands} command records, the file holds ${eventCount} and ${commandCount}`,
    );
  }
  const sha256 = hash.digest('hex');
  if (end.sha256 !== sha256) throw new DamagedBackup(`SHA-256 ${sha256} differs from the recorded ${end.sha256}`);
  if (events.length > 0) yield { kind: 'events', events };
  if (commands.length > 0) yield { kind: 'commands', commands };
  return header;
}
