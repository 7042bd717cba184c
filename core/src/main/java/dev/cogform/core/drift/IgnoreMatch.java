package dev.cogform.core.drift;

import java.time.LocalDate;

/** The ignore rule that covers a finding, as the report shows it: which rule, why, whose, until when. */
public record IgnoreMatch(String ruleId, String reason, String owner, LocalDate expires) {
}
