import { z } from "zod";
import { requiredText } from "./fields";

export const createApiTokenSchema = z.object({
  name: requiredText("a name for the token, such as the system that will use it", { max: 100 }),
});
