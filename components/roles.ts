export { CONFIRMED_FOR_MONTHS, confirmedOn, fixedTerm, rolesOn, roleStory, termEnd, titleLines, type RoleStory, type TitleWords } from '../engine/roles';
