package dev.cogform.cli.view;

import dev.cogform.core.drift.DriftReport;

/**
 * Renders a drift report in one format. Every format shows the same facts (status, field path,
 * expected, actual, severity, reason) and none recomputes them.
 */
public interface DriftView {

    void render(DriftReport report);
}
