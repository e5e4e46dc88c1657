package org.compassioncourse.completion;

import org.compassioncourse.administration.AccountErased;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Erasure on request reaches the completion records too: an issued certificate stays verifiable but is shown as issued
 * to the placeholder ("Former learner #12"), and the learner's free-text evaluation answers are removed (the Likert
 * points stay, anonymous, so the cohort's evaluation counts do not change). Runs after the erasure commits, in its own
 * transaction; if it fails, the publication stays incomplete and is run again at the next start-up.
 */
@Component
class ErasedLearnerRecords {

    private final CompletionRecords records;

    ErasedLearnerRecords(CompletionRecords records) {
        this.records = records;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void onErased(AccountErased erased) {
        records.anonymise(erased.accountId(), erased.placeholderName());
    }
}
