// The URL of one task's page (cuid ids), not of /tasks/new, where the submission form lives:
// waiting for it after a submit means the task page has really opened.
export const TASK_PAGE_URL = /\/tasks\/(?!new(?:[?#]|$))[\w-]+$/;
