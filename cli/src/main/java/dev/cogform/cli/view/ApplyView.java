package dev.cogform.cli.view;

import dev.cogform.core.apply.ApplyListener;
import dev.cogform.core.apply.ApplyResult;
import dev.cogform.core.diag.Diagnostic;
import dev.cogform.core.plan.Plan;
import java.util.List;

/** Shows an apply as it happens (as its {@link ApplyListener}) and its result or refusal. */
public interface ApplyView extends ApplyListener {

    void result(Plan plan, ApplyResult result);

    /** A saved plan refused as stale, with the reasons. */
    void refused(Plan plan, List<Diagnostic> reasons);
}
