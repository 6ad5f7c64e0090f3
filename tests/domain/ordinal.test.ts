import { ordinal } from '../../bot/domain/ordinal';

describe('ordinal', () => {
  it('1st 2nd 3rd 11th 12th 13th 21st 22nd 101st', () => {
    const numbers = [1, 2, 3, 11, 12, 13, 21, 22, 101];
    expect(numbers.map(ordinal)).toEqual(['1st', '2nd', '3rd', '11th', '12th', '13th', '21st', '22nd', '101st']);
  });

  it.each([
    [4, '4th'],
    [10, '10th'],
    [14, '14th'],
    [20, '20th'],
    [23, '23rd'],
    [24, '24th'],
    [100, '100th'],
    [102, '102nd'],
    [103, '103rd'],
    [111, '111th'],
    [112, '112th'],
    [113, '113th'],
    [1001, '1001st'],
    [1011, '1011th'],
  ])('%i is the %s', (n, expected) => {
    expect(ordinal(n)).toBe(expected);
  });
});
