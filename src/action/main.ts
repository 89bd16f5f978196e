export async function runAction(): Promise<void> {
  await Promise.resolve();
}
