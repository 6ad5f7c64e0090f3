import { messageCard } from './messageCard';

/** What the bot can do for the person asking: one line per command they may use. */
export function helpCard(entries: ReadonlyArray<{ title: string; text: string }>) {
  const facts = [
    { title: 'Sign up', value: 'Press "Sign up" on an offer in your CLPL channel. If it is full you join the waitlist.' },
    ...entries.map((e) => ({ title: e.title, value: e.text })),
  ];
  return messageCard('What I can do', 'I organise Career-Long Professional Learning for your school.', 'Default', facts);
}
