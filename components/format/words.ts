// Small pieces of English for labels built from names.

/** "an analyst", "a generalist": the article by the word's first letter (good enough for names). */
export const withArticle = (word: string) => `${/^[aeiou]/i.test(word) ? "an" : "a"} ${word}`;
