/** Task branches are named after the task: `loophole/<first words>-<id>`, the same in the CLI and the action. */
function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40)
      .replace(/-+$/, "") || "task"
  );
}

export function taskBranchName(task: string, id: string): string {
  return `loophole/${slug(task)}-${id.replace(/[^\w-]/g, "")}`;
}
