// Follow-ups read with the conversation's last question and answer.
import { describe, expect, it } from "vitest";
import { isFollowUp, standalone } from "../../src/answer/follow-up.js";

describe("isFollowUp", () => {
  it.each([
    ["and where?", true],
    ["who leads it", true],
    ["when did he found it?", true],
    ["а где?", true],
    ["Where did the fifth session take place?", false],
    ["Who leads the congress?", false],
  ])("%s: %s", (q, expected) => {
    expect(isFollowUp(q)).toBe(expected);
  });
});

describe("standalone", () => {
  const leads = {
    question: "Who leads the congress?",
    answer: "Spearheaded by Ilya Ponomarev, this congress… [1]",
  };

  it("carries the last question's words into an elliptical one", () => {
    expect(standalone("and where?", [leads])).toBe("and where (leads congress)?");
  });

  it("names the person the last answer gave for 'he'", () => {
    expect(standalone("when did he found it?", [leads])).toContain("Ilya Ponomarev");
  });

  it("drops the last question's ordinal when the follow-up names its own", () => {
    const s = standalone("what about the second one?", [{ question: "Where was the fifth session held?" }]);
    expect(s).toContain("session");
    expect(s).not.toContain("fifth");
  });

  it("resolves a chain of follow-ups and leaves a question that stands alone as it is", () => {
    const history = [leads, { question: "and where?" }];
    expect(standalone("and when?", history)).toContain("congress");
    expect(standalone("Where did the fifth session take place?", [leads])).toBe(
      "Where did the fifth session take place?",
    );
    expect(standalone("and where?", [])).toBe("and where?");
  });
});
