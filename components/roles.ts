export { CONFIRMED_FOR_MONTHS, confirmedOn, rolesOn, roleStory, type RoleStory } from '../engine/roles';
