package org.compassioncourse.cohort;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.compassioncourse.account.AccountNames;
import org.compassioncourse.security.SignedInUser;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Cohorts: instructors create them and see only their own; learners join with a code and see only the cohorts
 * they belong to. Every method acts for the signed-in user; nothing takes a user id from the caller.
 */
@Service
public class CohortService {

    public static final int MAX_NAME = 100;
    /** No 0/O, 1/I/L: codes are read aloud and typed from paper on a ward. */
    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 8;

    private final CohortRepository cohorts;
    private final CohortMemberRepository members;
    private final SignedInUser signedInUser;
    private final AccountNames names;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CohortService(CohortRepository cohorts, CohortMemberRepository members, SignedInUser signedInUser, AccountNames names, Clock clock) {
        this.cohorts = cohorts;
        this.members = members;
        this.signedInUser = signedInUser;
        this.names = names;
        this.clock = clock;
    }

    /** Creates a cohort owned by the signed-in instructor, with a fresh join code. */
    @Transactional
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public CohortSummary createCohort(String name) {
        String trimmed = validName(name);
        long instructorId = signedInUser.require().accountId();
        // two cohorts with one name would be told apart only by their codes (and a double submit would make both)
        refuseNameInUse(instructorId, trimmed);
        String code;
        do {
            code = newCode();
        } while (cohorts.existsByJoinCode(code));
        Cohort cohort = cohorts.saveAndFlush(new Cohort(instructorId, trimmed, code, now()));
        return new CohortSummary(cohort.id(), cohort.name(), cohort.joinCode(), cohort.createdAt(), 0);
    }

    /**
     * Renames one of the signed-in instructor's own cohorts (a typo, a new term). The join code and link stay the same,
     * so codes already handed out keep working. Someone else's cohort is refused like a missing one.
     */
    @Transactional
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public CohortSummary renameCohort(long cohortId, String name) {
        String trimmed = validName(name);
        long instructorId = signedInUser.require().accountId();
        Cohort cohort = cohorts.findById(cohortId).filter(c -> c.instructorId() == instructorId)
                .orElseThrow(() -> new CohortException("There is no such cohort among yours."));
        if (!cohort.name().equalsIgnoreCase(trimmed)) {
            refuseNameInUse(instructorId, trimmed);
        }
        cohort.rename(trimmed);
        cohorts.flush();
        return requireOwnCohort(cohortId);
    }

    private static String validName(@Nullable String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new CohortException("Give the cohort a name, for example \"Ward 7 nurses, spring\".");
        }
        if (trimmed.length() > MAX_NAME) {
            throw new CohortException("Use at most " + MAX_NAME + " characters for the cohort name.");
        }
        return trimmed;
    }

    private void refuseNameInUse(long instructorId, String name) {
        if (cohorts.existsByInstructorIdAndNameIgnoreCase(instructorId, name)) {
            throw new CohortException("You already have a cohort called \"" + name + "\". Give this one another name, "
                    + "for example with the term or year.");
        }
    }

    /** The signed-in instructor's cohorts, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public List<CohortSummary> myCohorts() {
        return cohorts.summariesOf(signedInUser.require().accountId());
    }

    /**
     * One of the signed-in instructor's own cohorts; any other id is refused exactly like a missing one, so an
     * instructor cannot learn about (or reach the learners of) someone else's cohort.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public CohortSummary requireOwnCohort(long cohortId) {
        // this cohort only: every grid page asks, so it must not load all the instructor's cohorts with their counts
        return cohorts.summaryOf(signedInUser.require().accountId(), cohortId)
                .orElseThrow(() -> new CohortException("There is no such cohort among yours."));
    }

    /** A learner of one of the signed-in instructor's cohorts; anyone else is refused like a missing learner. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public LearnerInMyCohort requireLearnerInOwnCohort(long cohortId, long userId) {
        requireOwnCohort(cohortId);
        if (!members.existsById(new CohortMember.Key(cohortId, userId))) {
            throw new CohortException("There is no such learner in this cohort.");
        }
        String name = names.displayName(userId);
        return new LearnerInMyCohort(cohortId, userId, name);
    }

    /** The cohort a join code or link leads to, for the page that asks "join this cohort?". */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('LEARNER', 'INSTRUCTOR')")
    public java.util.Optional<CohortInvitation> invitation(String code) {
        String normalized = normalize(code);
        long userId = signedInUser.require().accountId();
        return cohorts.findByJoinCode(normalized).map(cohort -> new CohortInvitation(normalized, cohort.name(),
                names.displayName(cohort.instructorId()), members.existsById(new CohortMember.Key(cohort.id(), userId)),
                cohort.instructorId() == userId));
    }

    static String normalize(@Nullable String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT).replace(" ", "").replace("-", "");
    }

    /** The signed-in learner joins the cohort with this code; joining twice changes nothing. */
    @Transactional
    @PreAuthorize("hasAnyRole('LEARNER', 'INSTRUCTOR')")
    public CohortSummary join(String code) {
        String normalized = normalize(code);
        if (normalized.isEmpty()) {
            throw new CohortException("Enter the code your instructor gave you.");
        }
        Cohort cohort = cohorts.findByJoinCode(normalized)
                .orElseThrow(() -> new CohortException("No cohort has the code \"" + code.strip()
                        + "\". Check the code with your instructor and try again."));
        long userId = signedInUser.require().accountId();
        if (cohort.instructorId() == userId) {
            // an instructor in their own cohort would show up in its reports and exports as a learner
            throw new CohortException("This is your own cohort: your learners join it with this code.");
        }
        CohortMember.Key key = new CohortMember.Key(cohort.id(), userId);
        if (!members.existsById(key)) {
            try {
                members.saveAndFlush(new CohortMember(cohort.id(), userId, now()));
            } catch (DataIntegrityViolationException joinedInAnotherTab) {
                // already a member: the outcome the learner asked for
            }
        }
        return joinedCohorts().stream().filter(c -> c.id() == cohort.id()).findFirst().orElseThrow();
    }

    /** The cohorts the signed-in user has joined. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('LEARNER', 'INSTRUCTOR')")
    public List<CohortSummary> joinedCohorts() {
        return cohorts.joinedBy(signedInUser.require().accountId());
    }

    /** Who the signed-in learner can turn to: the instructors of the cohorts they joined, by name. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('LEARNER', 'INSTRUCTOR')")
    public List<InstructorContact> myInstructors() {
        return names.of(cohorts.instructorsOf(signedInUser.require().accountId())).values().stream()
                .map(instructor -> new InstructorContact(instructor.displayName(), instructor.email()))
                .sorted(java.util.Comparator.comparing(InstructorContact::name)).toList();
    }

    private String newCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
