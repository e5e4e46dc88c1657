package org.compassioncourse.completion;

import org.compassioncourse.account.AccountErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Erasure on request reaches the completion records too: an issued certificate stays verifiable but is shown as issued
 * to the placeholder ("Former learner #12"), and the learner's free-text evaluation answers are removed (the Likert
 * points stay, anonymous, so the cohort's evaluation counts do not change).
 */
@Component
class ErasedLearnerRecords {

    private final CompletionRecords records;

    ErasedLearnerRecords(CompletionRecords records) {
        this.records = records;
    }

    @EventListener
    void onErased(AccountErased erased) {
        records.anonymise(erased.accountId(), erased.placeholderName());
    }
}
