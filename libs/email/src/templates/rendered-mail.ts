/** What a template produces: the subject and both parts (the plain-text part is never omitted). */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}
