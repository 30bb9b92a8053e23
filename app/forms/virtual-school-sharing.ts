import { z } from "zod";
import { choice } from "./fields";

/** Whether the register council shares a child's parents' details with the responsible council's virtual school head. */
export const parentsSharingSchema = z.object({ share: choice(["yes", "no"], "Select whether to share the parents' and carers' details") });
