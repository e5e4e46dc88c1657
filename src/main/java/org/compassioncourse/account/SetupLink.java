package org.compassioncourse.account;

import java.time.Instant;

/** A single-use link to set a password (shown once, to be sent to its person), and when it stops working. */
public record SetupLink(String url, Instant expiresAt) {
}
