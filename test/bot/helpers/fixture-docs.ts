// The fixture corpus besides the seed article, written into the temp CORPUS_DIR (kept in code: formatters leave it be).

/** A title and a passage full of HTML: both must reach the user escaped. */
export const MARKUP_DOC = {
  id: "markup-notes.md",
  text: [
    "---",
    'title: "Notes on <b>markup</b> & \\"tags\\""',
    "---",
    "The assembly secretary of the congress is Maria <i>Kowalska</i> & Partners <script>alert(1)</script>.",
    "",
  ].join("\n"),
};

/** Long enough that an answer quoting all of it needs more than one message. */
export const COMMITTEES_DOC = {
  id: "standing-committees.md",
  text: [
    "---",
    'title: "Standing committees of the congress"',
    "---",
    "The standing committee on archives keeps offices in Gdansk, Krakow, Poznan, Lodz, Lublin. Its members meet every Monday to review the files that the archives working group prepares, and they publish a short summary of every meeting for the deputies who could not attend. The committee reports to the plenary session twice a year and may invite outside experts on archives when the agenda requires it.",
    "",
    "The standing committee on budget drafts keeps offices in Krakow, Poznan, Lodz, Lublin, Wroclaw. Its members meet every Tuesday to review the files that the budget drafts working group prepares, and they publish a short summary of every meeting for the deputies who could not attend. The committee reports to the plenary session twice a year and may invite outside experts on budget drafts when the agenda requires it.",
    "",
    "The standing committee on translation keeps offices in Poznan, Lodz, Lublin, Wroclaw, Szczecin. Its members meet every Wednesday to review the files that the translation working group prepares, and they publish a short summary of every meeting for the deputies who could not attend. The committee reports to the plenary session twice a year and may invite outside experts on translation when the agenda requires it.",
    "",
    "The standing committee on legal review keeps offices in Lodz, Lublin, Wroclaw, Szczecin, Bialystok. Its members meet every Thursday to review the files that the legal review working group prepares, and they publish a short summary of every meeting for the deputies who could not attend. The committee reports to the plenary session twice a year and may invite outside experts on legal review when the agenda requires it.",
    "",
    "The standing committee on press relations keeps offices in Lublin, Wroclaw, Szczecin, Bialystok, Torun. Its members meet every Friday to review the files that the press relations working group prepares, and they publish a short summary of every meeting for the deputies who could not attend. The committee reports to the plenary session twice a year and may invite outside experts on press relations when the agenda requires it.",
    "",
    "The standing committee on volunteer training keeps offices in Wroclaw, Szczecin, Bialystok, Torun, Opole. Its members meet every Saturday to review the files that the volunteer training working group prepares, and they publish a short summary of every meeting for the deputies who could not attend. The committee reports to the plenary session twice a year and may invite outside experts on volunteer training when the agenda requires it.",
    "",
    "The standing committee on veterans' affairs keeps offices in Szczecin, Bialystok, Torun, Opole, Rzeszow. Its members meet every Sunday to review the files that the veterans' affairs working group prepares, and they publish a short summary of every meeting for the deputies who could not attend. The committee reports to the plenary session twice a year and may invite outside experts on veterans' affairs when the agenda requires it.",
    "",
    "The standing committee on education reform keeps offices in Bialystok, Torun, Opole, Rzeszow, Kielce. Its members meet every Monday to review the files that the education reform working group prepares, and they publish a short summary of every meeting for the deputies who could not attend. The committee reports to the plenary session twice a year and may invite outside experts on education reform when the agenda requires it.",
    "",
  ].join("\n"),
};

export const FIXTURE_DOCS = [MARKUP_DOC, COMMITTEES_DOC];
