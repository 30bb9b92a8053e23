import { formatDate, type IsoDate } from "./dates";
import { NOTICE_NAMES, type NoticeAction } from "./suitability-process";

// The letter for each notice of the process when home education may not be suitable, as
// paragraphs from one template per notice (decision 077). The wording states the law as it stands;
// when the Children's Wellbeing and Schools Act 2026 s39 is commenced, these templates change with
// NOTICE_NAMES and the periods, nowhere else.

export interface LetterFacts {
  action: NoticeAction;
  childName: string;
  council: string;
  servedOn: IsoDate;
  deadline: IsoDate | null;
  /** The notice's period in days, for the notices the law gives one. */
  periodDays: number | null;
  schools: readonly string[];
}

function list(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

export function letterTitle(action: NoticeAction): string {
  return NOTICE_NAMES[action];
}

/** The letter's body, paragraph by paragraph. */
export function letterParagraphs(f: LetterFacts): string[] {
  const by = f.deadline ? formatDate(f.deadline) : "";
  switch (f.action) {
    case "start_enquiry":
      return [
        `${f.council} must find out whether children in its area who are not registered at a school are receiving a suitable education (section 436A of the Education Act 1996). We are writing to ask about the education ${f.childName} is receiving.`,
        `Please tell us about ${f.childName}'s education by ${by}: what they learn, how, and who teaches them. You may write to us, send examples of their work, or meet us, at home or elsewhere, as you prefer.`,
        "This is an informal enquiry, not a formal notice. If we cannot establish that the education is suitable, we may have to serve a notice under section 437(1) of the Education Act 1996.",
      ];
    case "serve_notice":
      return [
        `It appears to ${f.council} that ${f.childName} may not be receiving suitable education, by regular attendance at school or otherwise (section 437(1) of the Education Act 1996).`,
        `You are required to satisfy the council, within ${f.periodDays ?? 15} days beginning with the day this notice is served, that ${f.childName} is receiving suitable education. That period ends on ${by}.`,
        `If you do not satisfy the council within that period, and the council is of the opinion that ${f.childName} should attend school, it must serve a school attendance order requiring you to register them at a school.`,
      ];
    case "serve_intention":
      return [
        `You have not satisfied ${f.council} that ${f.childName} is receiving suitable education, and the council is of the opinion that they should attend school. The council intends to serve a school attendance order (section 438(2) of the Education Act 1996).`,
        `The council would name ${list(f.schools)} in the order.`,
        `If, within ${f.periodDays ?? 15} days beginning with the day this notice is served (by ${by}), you choose a school, and it is a school that will admit ${f.childName}, that school will be named in the order instead (section 438(4)). Please tell the council which school you choose.`,
      ];
    case "serve_order":
      return [
        `${f.council} requires you to cause ${f.childName} to become a registered pupil at ${f.schools[0] ?? "the school named"} (a school attendance order, section 437(3) of the Education Act 1996).`,
        `Failing to comply with a school attendance order is an offence, unless you prove that ${f.childName} is receiving suitable education otherwise than at school (section 443).`,
        "You may ask the council at any time to revoke the order because arrangements have been made for the child to receive suitable education otherwise than at school (section 442). If the council refuses, you may refer the question to the Secretary of State.",
      ];
  }
}
