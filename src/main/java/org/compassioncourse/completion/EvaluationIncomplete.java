package org.compassioncourse.completion;

import java.util.List;

/** An evaluation sent with required items unanswered; names them, so the page can mark each one. */
public class EvaluationIncomplete extends CompletionException {

    private final List<String> missingItemIds;

    EvaluationIncomplete(List<String> missingItemIds) {
        super((missingItemIds.size() == 1 ? "One statement is" : missingItemIds.size() + " statements are")
                + " not answered yet; each one is marked below.");
        this.missingItemIds = List.copyOf(missingItemIds);
    }

    /** The unanswered required items' ids, in the evaluation's order. */
    public List<String> missingItemIds() {
        return missingItemIds;
    }
}
