// The kinds of data problems in the users' words: shared/finding-kinds.ts is the one list.
export { FINDING_KIND, SEVERITY_LABEL, SEVERITY_COLOR } from '../../shared/finding-kinds.ts';
