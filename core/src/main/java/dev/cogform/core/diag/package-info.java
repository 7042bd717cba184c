/**
 * Errors as data: {@link dev.cogform.core.diag.Diagnostic}s carry a severity, a rule id, the field
 * path, a message, a hint and a source position; commands collect them and views print them.
 */
package dev.cogform.core.diag;
