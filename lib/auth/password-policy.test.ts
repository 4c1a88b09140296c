import { describe, expect, it } from "vitest";
import { MIN_PASSWORD_LENGTH, passwordProblem } from "./password-policy";

const maya = { email: "maya.tan@merlion.example", name: "Maya Tan" };

describe("passwordProblem", () => {
  it("accepts a long passphrase of unrelated words", () => {
    expect(passwordProblem("copper lantern orbit meadow", maya)).toBeNull();
    expect(passwordProblem("Vq7#pLm2!xZr9@tK", maya)).toBeNull();
  });

  it(`refuses fewer than ${MIN_PASSWORD_LENGTH} characters, and more than 1,024`, () => {
    expect(passwordProblem("Vq7#pLm2!xZ", maya)).toMatch(/at least 12 characters/);
    expect(passwordProblem("x".repeat(1025), maya)).toMatch(/at most 1024/);
  });

  it("refuses breached passwords from the bundled list, in any case", () => {
    for (const breached of ["password1234", "qwertyuiop123", "PASSWORD1234", "1q2w3e4r5t6y"]) {
      expect(passwordProblem(breached, maya), breached).toMatch(/exposed in data breaches/);
    }
  });

  it("refuses a password built from the person's name or address, or the site's name", () => {
    expect(passwordProblem("maya.tan-2026-summer", maya)).toMatch(/your name, your e-mail/);
    expect(passwordProblem("TradeTrail-rocks-2026", maya)).toMatch(/site's name/);
  });

  it("refuses a long but guessable password", () => {
    expect(passwordProblem("aaaaaaaaaaaaaaaa", maya)).toMatch(/too easy to guess/);
    expect(passwordProblem("abcdefghijklmnop", maya)).toMatch(/too easy to guess/);
  });
});
