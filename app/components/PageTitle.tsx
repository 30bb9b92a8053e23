export const SERVICE_NAME = "Children not in school";

/** The page's <title>: "Error: " first while a form has errors, then the page, service and GOV.UK. */
export function PageTitle({ title, hasErrors = false }: { title: string; hasErrors?: boolean }) {
  return <title>{`${hasErrors ? "Error: " : ""}${title} - ${SERVICE_NAME} - GOV.UK`}</title>;
}
