package org.compassioncourse.account;

/**
 * Invitations that let a visitor register when registration is by invitation only. Implemented by the features that
 * invite (cohort join links), so the account feature needs to know none of them.
 */
public interface RegistrationInvitations {

    /** Whether this code (as it appears in an invitation link) is a live invitation. */
    boolean admitsRegistration(String code);
}
