package org.compassioncourse.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * The user of the current request, for services: they act on the signed-in user's own data and never take a
 * user id from the caller, so a learner cannot reach another learner's data through them.
 */
@Component
public class SignedInUser {

    private final ObjectProvider<SecurityContextHolderStrategy> strategy;

    SignedInUser(ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.strategy = strategy;
    }

    /** The signed-in user; refuses when there is none. */
    public CurrentUser require() {
        // the application's own strategy (Vaadin's session-aware one), not whichever the JVM-wide holder has now
        SecurityContextHolderStrategy holder = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        Authentication authentication = holder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            return user;
        }
        throw new AccessDeniedException("Log in to continue.");
    }
}
