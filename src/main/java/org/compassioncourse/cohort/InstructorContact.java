package org.compassioncourse.cohort;

/** An instructor who follows the learner in one of their cohorts, as a learner would reach them. */
public record InstructorContact(String name, String email) {

    /** "Ina Instructor (ina@hospital.org)". */
    public String describe() {
        return name + " (" + email + ")";
    }
}
