import { commandEventId } from './command-event-id';

describe('commandEventId', () => {
  it('gives a retry of a command the same event ids, and other commands or slots other ids', () => {
    expect(commandEventId('cmd-1', 0)).toBe(commandEventId('cmd-1', 0));
    expect(commandEventId('cmd-1', 0)).not.toBe(commandEventId('cmd-1', 1));
    expect(commandEventId('cmd-1', 0)).not.toBe(commandEventId('cmd-2', 0));
    expect(commandEventId('cmd-1', 'marker')).not.toBe(commandEventId('cmd-1', 0));
  });

  it('is a well-formed version-5 UUID', () => {
    expect(commandEventId('任意的命令', 3)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
