import { z } from "zod";
import { GRANTABLE_PERMISSIONS } from "#app/domain/roles";
import { checkboxes } from "./fields";

/** The permissions a council admin gives one of their users on top of their role (none ticked: none). */
export const grantsSchema = z.object({ grants: checkboxes(GRANTABLE_PERMISSIONS) });
