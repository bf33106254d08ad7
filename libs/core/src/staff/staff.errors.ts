/** Why a staff use case refuses (problem `code`). */
export type StaffErrorCode = 'staff_email_taken' | 'view_as_staff_refused';
