package org.compassioncourse.account;

import org.compassioncourse.security.Role;

import java.time.Instant;

/** What the setup page shows for a usable link: whose account it sets up, why, and until when. */
public record SetupInvitation(String email, String suggestedName, boolean administrator, Role role, Instant expiresAt) {
}
