package org.compassioncourse.security;

/** Signing in with the identity provider is refused; the message tells the person why and what to do. */
public class ProviderSignInRefused extends RuntimeException {

    public ProviderSignInRefused(String message) {
        super(message);
    }
}
