import { Select } from "#app/components/govuk";

/** The directory's "Local authority" filter: every English LA by name, or any. */
export function LocalAuthoritySelect({
  label,
  las,
  value,
  fullWidth,
  error,
}: {
  label: string;
  las: { code: string | null; name: string }[];
  value: string;
  fullWidth?: boolean;
  error?: string | undefined;
}) {
  return (
    <Select
      id="la"
      name="la"
      label={label}
      labelSize="s"
      width={fullWidth ? "full" : undefined}
      defaultValue={value}
      error={error}
      options={[{ value: "", label: "Any" }, ...las.map((la) => ({ value: la.code ?? "", label: la.name }))]}
    />
  );
}
