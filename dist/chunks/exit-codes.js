/** 0 pass, 1 fail, 2 error — the same for every command that reaches a verdict. */
const EXIT = { pass: 0, fail: 1, error: 2 };
function exitCodeFor(outcome) {
    return EXIT[outcome];
}

export { EXIT as E, exitCodeFor as e };
//# sourceMappingURL=exit-codes.js.map
