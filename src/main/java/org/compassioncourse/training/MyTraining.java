package org.compassioncourse.training;

import org.compassioncourse.base.LearnerSet;
import org.compassioncourse.security.SignedInUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The signed-in learner's own training status, for their course page; nobody else's. */
@Service
@PreAuthorize("isAuthenticated()")
public class MyTraining {

    private final TrainingStatuses statuses;
    private final SignedInUser signedInUser;
    private final TrainingRule rule;

    MyTraining(TrainingStatuses statuses, SignedInUser signedInUser, TrainingRule rule) {
        this.statuses = statuses;
        this.rule = rule;
        this.signedInUser = signedInUser;
    }

    /** Where the signed-in learner stands today, decided by the same rule as every report. */
    @Transactional(readOnly = true)
    public TrainingStanding mine() {
        long me = signedInUser.require().accountId();
        List<Long> one = List.of(me);
        return statuses.of(one, LearnerSet.of(one)).get(me);
    }

    /**
     * The same, but only where there is something to say: the learner has a due date, or completions expire. Empty
     * otherwise, after one statement (the learner's cohorts), so the course page of a learner without mandatory
     * training pays almost nothing.
     */
    @Transactional(readOnly = true)
    public Optional<TrainingStanding> whenAssigned() {
        long me = signedInUser.require().accountId();
        List<Long> one = List.of(me);
        LearnerSet learner = LearnerSet.of(one);
        Map<Long, LocalDate> due = statuses.dueDates(learner);
        if (due.isEmpty() && !rule.completionsExpire()) {
            return Optional.empty();
        }
        return Optional.of(statuses.of(one, learner, due).get(me));
    }
}
