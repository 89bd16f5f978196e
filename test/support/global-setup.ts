// Placeholder: the sandbox work replaces this with image building and an engine check.
export default function setup(): void {
  // nothing yet
}
