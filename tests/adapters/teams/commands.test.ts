import { parseCommand } from '../../../bot/adapters/teams/commands';

describe('text commands', () => {
  it.each([
    ['help', 'help'],
    ['  Help! ', 'help'],
    ['new offer', 'newOffer'],
    ['New CLPL offer', 'newOffer'],
    ['my clpl', 'myClpl'],
    ['<at>CLPL</at> use this channel', 'useThisChannel'],
    ['book me onto everything', 'unknown'],
    ['', 'unknown'],
  ])('"%s" is understood as %s', (text, command) => {
    expect(parseCommand(text)).toBe(command);
  });
});
