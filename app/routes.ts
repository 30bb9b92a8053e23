import type { RouteConfig } from "@react-router/dev/routes";
import { flatRoutes } from "@react-router/fs-routes";

// Routes are files in app/routes (flat-routes naming); who may use each is in app/access.ts.
export default flatRoutes() satisfies RouteConfig;
