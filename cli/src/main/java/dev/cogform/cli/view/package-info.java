/** Rendering of results as human text, JSON or Markdown; the only place that knows wording and colour. */
package dev.cogform.cli.view;
