// govuk-frontend ships JavaScript without type declarations; these are the parts the layout uses.
declare module "govuk-frontend" {
  export class SkipLink {
    constructor(element: Element);
  }
  export class ServiceNavigation {
    constructor(element: Element);
  }
  export function createAll(component: unknown, config?: unknown, scope?: Element | Document): unknown[];
}
