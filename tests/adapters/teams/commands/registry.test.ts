import { commands, parseCommand } from '../../../../bot/adapters/teams/commands/registry';

describe('text commands', () => {
  it.each([
    ['help', 'help'],
    ['  Help! ', 'help'],
    ['new offer', 'newOffer'],
    ['New CLPL offer', 'newOffer'],
    ['my clpl', 'myClpl'],
    ['<at>CLPL</at> use this channel', 'useThisChannel'],
    ['My observations', 'myObservations'],
    ['my learning visits', 'myObservations'],
    ['observe', 'observe'],
  ])('"%s" is understood as %s', (text, command) => {
    expect(parseCommand(text)?.name).toBe(command);
  });

  it.each(['book me onto everything', ''])('"%s" is not a command', (text) => {
    expect(parseCommand(text)).toBeNull();
  });

  it('no two commands answer to the same phrase', () => {
    for (const command of commands) {
      const sample = command.help.title;
      expect(parseCommand(sample)?.name).toBe(command.name);
    }
  });
});
