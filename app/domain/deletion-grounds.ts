// The grounds on which a school must delete a pupil of compulsory school age from its admission
// register: regulation 9(1) of the School Attendance (Pupil Registration) (England) Regulations 2024
// (SI 2024/208), letters A-O as councils and lawyers use them. Labels are Torbay's deletion form
// wording (../shared/data/deletion-grounds.md, which says how reliable each row is); grounds F-O
// are summarised there from guidance, not checked verbatim against legislation.gov.uk.

export const DELETION_GROUNDS = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O"] as const;
export type DeletionGround = (typeof DELETION_GROUNDS)[number];

export const DELETION_GROUND_REGULATIONS: Record<DeletionGround, string> = {
  A: "9(1)(a)",
  B: "9(1)(b)",
  C: "9(1)(c)",
  D: "9(1)(d)",
  E: "9(1)(e)",
  F: "9(1)(f)",
  G: "9(1)(g)",
  H: "9(1)(h)",
  I: "9(1)(i)",
  J: "9(1)(j)",
  K: "9(1)(k)",
  L: "9(1)(l)",
  M: "9(1)(m)",
  N: "9(1)(n)",
  O: "9(1)(o)",
};

export const DELETION_GROUND_LABELS: Record<DeletionGround, string> = {
  A: "The pupil has been registered at another school",
  B: "The pupil has not continued at the school following completion of nursery education",
  C: "The pupil is also registered at one or more other schools and the other schools have agreed the deletion",
  D: "The pupil has a school attendance order which has been changed to name another school",
  E: "The pupil has a school attendance order which has been revoked",
  F: "The parent of a pupil has notified the school in writing that the pupil will be leaving the school to be educated otherwise than at school",
  G: "The pupil no longer normally lives a reasonable distance from the school",
  H: "The pupil has not returned following a leave of absence",
  I: "The pupil has been continually absent from school for 20 school days",
  J: "The pupil is detained under a sentence of detention",
  K: "The pupil has died",
  L: "The pupil will be over compulsory school age and will not continue into the sixth form",
  M: "The pupil is a boarder at a school maintained by a local authority or academy and their boarding fees have not been paid",
  N: "The pupil has ceased to be pupil at an independent school or non-maintained special school",
  O: "The pupil has been permanently excluded from the school",
};

/** Ground F: the parent's written notice of home education (elective home education). */
export const HOME_EDUCATION_GROUND: DeletionGround = "F";

/** "Ground F (reg 9(1)(f)): The parent of ..." as a form and a list show it. */
export function deletionGroundText(ground: DeletionGround): string {
  return `Ground ${ground}, regulation ${DELETION_GROUND_REGULATIONS[ground]}: ${DELETION_GROUND_LABELS[ground]}`;
}
