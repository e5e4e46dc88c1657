package org.compassioncourse.security;

/**
 * Whether a signed-in user's session may go on, asked by {@link SessionValidityFilter} on every request. Implemented by
 * the account feature, which keeps whether an account is active and when its sessions were last ended.
 */
public interface SessionValidity {

    /** False once the account was deactivated or its sessions were ended after this user signed in. */
    boolean isStillValid(CurrentUser user);
}
