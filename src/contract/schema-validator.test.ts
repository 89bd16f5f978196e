import { describe, expect, it } from "vitest";
import { contractValidatorSource } from "./schema-validator-source.js";

describe("the generated contract validator", () => {
  it("is what the schema compiles to now (run `npm run generate` after changing the schema)", async () => {
    await expect(contractValidatorSource()).toMatchFileSnapshot("./contract-validator.generated.js");
  });
});
