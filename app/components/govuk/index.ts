export { Button, ButtonGroup } from "./Button";
export { Checkboxes, Radios, itemId, type ChoiceItem } from "./Choices";
export { DateInput, type DatePart } from "./DateInput";
export {
  BackLink,
  BlockWarningText,
  Details,
  ErrorSummary,
  InsetText,
  NotificationBanner,
  Panel,
  SummaryCard,
  SummaryList,
  Table,
  Tag,
  TaskList,
  WarningText,
  type CardAction,
  type SummaryAction,
  type SummaryRow,
  type TableCell,
  type TagColour,
  type TaskListItem,
} from "./Display";
export { ErrorMessage, Fieldset, Hint, Label, type LabelSize } from "./FormParts";
export { Header } from "./Header";
export { Footer, PhaseBanner, ServiceNavigation, SkipLink, type NavItem } from "./Layout";
export { Pagination, paginationItems, type PaginationItem } from "./Pagination";
export { FileUpload, Select, TextInput, Textarea } from "./TextInput";
export { SearchForm } from "./SearchForm";
