// What the simulated users ask: questions the seed article answers, a few in Russian, a few it cannot answer, and
// questions about the notes the admin adds and removes during the run.
export const QUESTIONS = [
  "Who leads the congress?",
  "Who spearheads the Congress of People's Deputies?",
  "Where did the fifth session open?",
  "On which day did the fifth plenary session start?",
  "When is the session set to conclude?",
  "When was the inaugural session held?",
  "Where was the first session held?",
  "Which countries are the congress's strategic partners?",
  "What does the congress describe itself as?",
  "In which Russian regions do partisan formations operate?",
  "What framework has the congress set forth?",
  "What is the congress the political wing of?",
  "Who did Ponomarev say decides the future of the country?",
  "What temporary institutions does the congress plan for the transition?",
  "Кто возглавляет конгресс?",
  "Где открылась пятая сессия?",
  "What is the congress's annual budget?",
  "How many deputies voted for the charter?",
  "What is the capital of Australia?",
];

/** A question about the admin's note `n` (answered while the note is in the corpus). */
export function noteQuestion(n: number): string {
  return `Where did load delegation ${n} meet?`;
}

/** The admin's note `n`: a title line and a text no other document contains. */
export function noteText(n: number): string {
  return [
    `Load note ${n}`,
    `Load delegation ${n} of the congress met supporters in Tarnow${n} to discuss humanitarian corridors.`,
    `The meeting of load delegation ${n} adopted a short statement on prisoners of war.`,
  ].join("\n");
}
