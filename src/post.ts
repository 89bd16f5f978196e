// Action post step (runs.post): removes containers and temp dirs a cancelled run left behind.
import { runPost } from "./action/post.js";

await runPost();
