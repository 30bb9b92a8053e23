import { z } from "zod";
import { COUNCIL_API_SCOPES } from "#app/domain/api-token-scopes";
import { checkboxes, requiredText } from "./fields";

export const createApiTokenSchema = z.object({
  name: requiredText("a name for the token, such as the system that will use it", { max: 100 }),
  scopes: checkboxes(COUNCIL_API_SCOPES, "Select what the token may do"),
});

export const createSchoolApiTokenSchema = z.object({
  name: requiredText("a name for the token, such as the system that will use it", { max: 100 }),
});
