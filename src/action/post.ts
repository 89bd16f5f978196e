export async function runPost(): Promise<void> {
  await Promise.resolve();
}
