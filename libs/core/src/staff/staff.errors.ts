/** Why a staff use case refuses (problem `code`). */
export type StaffErrorCode = 'staff_email_taken' | 'user_is_staff_only';
