package org.compassioncourse.cohort;

/**
 * What a join link tells the person who opens it before they join: the cohort's name, who runs it, and whether
 * they are already in it or run it themselves. Nothing about the other members.
 */
public record CohortInvitation(String code, String cohortName, String instructorName, boolean alreadyMember, boolean ownCohort) {
}
