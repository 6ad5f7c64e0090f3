import { messageCard } from './messageCard';

/** What the bot can do for the person asking: staff see their commands, SLT also see theirs. */
export function helpCard(input: { isSlt: boolean }) {
  const staff = [
    { title: 'Sign up', value: 'Press "Sign up" on an offer in your CLPL channel. If it is full you join the waitlist.' },
    { title: 'my clpl', value: 'See the sessions you are signed up for, and withdraw.' },
    { title: 'help', value: 'Show this list.' },
  ];
  const slt = [
    { title: 'new offer', value: 'Create a CLPL offer; it is posted to the CLPL channel.' },
    { title: 'use this channel', value: '@mention me with this in the staff channel where offers should go.' },
  ];
  return messageCard('What I can do', 'I organise Career-Long Professional Learning for your school.', 'Default', input.isSlt ? [...staff, ...slt] : staff);
}
