package org.compassioncourse.security;

/**
 * What the login page says about creating an account: implemented by the account feature, which decides how people
 * register, so signing in needs to know nothing of registration.
 */
public interface RegistrationOffer {

    /** Whether new accounts come only through an invitation link (the login page then offers no "Create an account"). */
    boolean byInvitationOnly();
}
