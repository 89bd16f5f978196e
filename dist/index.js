async function runAction() {
    await Promise.resolve();
}

// Action entry (runs.main). Kept thin: everything happens in action/main.ts.
await runAction();
//# sourceMappingURL=index.js.map
