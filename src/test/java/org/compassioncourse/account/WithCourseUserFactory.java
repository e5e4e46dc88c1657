package org.compassioncourse.account;

import org.compassioncourse.security.CurrentUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithSecurityContextFactory;

/** Registers the annotated user if needed and puts them in the security context, as a login would. */
class WithCourseUserFactory implements WithSecurityContextFactory<WithCourseUser> {

    static final String TEST_PASSWORD = "violet tram ladder spoon";

    @Autowired
    AccountService accountService;
    @Autowired
    AccountUserDetailsService userDetailsService;
    @Autowired
    UserAccountRepository accounts;

    @Override
    public SecurityContext createSecurityContext(WithCourseUser annotation) {
        CurrentUser user;
        try {
            user = userDetailsService.loadUserByUsername(annotation.email());
        } catch (org.springframework.security.core.userdetails.UsernameNotFoundException notYetRegistered) {
            user = accountService.register(new RegistrationForm(annotation.displayName(), annotation.email(), TEST_PASSWORD),
                    annotation.role());
        }
        if (annotation.administrator() && !user.isAdministrator()) {
            user = TestAccounts.makeAdministrator(accounts, userDetailsService, user);
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        return context;
    }
}
