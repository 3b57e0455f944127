/** Document check constraints, mapped to the form's fields. */
export const DOCUMENT_CONSTRAINTS = {
  partner_documents_url_check: { field: "url", message: "Enter a link starting with http:// or https://" },
  partner_documents_title_check: { field: "title", message: "Enter a title of 1 to 300 characters" },
};
