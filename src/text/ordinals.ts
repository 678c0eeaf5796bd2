// English ordinals and the numbers they are made from, shared by the word list and the question reader.

/** "first" … "tenth": the English ordinal of each rank from 1. */
export const ENGLISH_ORDINALS = "first second third fourth fifth sixth seventh eighth ninth tenth".split(" ");

/** "one" … "ten": the English number of each rank from 1. */
export const ENGLISH_NUMBERS = "one two three four five six seven eight nine ten".split(" ");
