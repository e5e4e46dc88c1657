package org.compassioncourse.account;

import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.SessionValidityFilter;

import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.Learners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Ending an account's sessions everywhere, and deactivated accounts: checked on the next request. */
@ApplicationTest
class AccountSessionsTest {

    @Autowired
    Learners people;
    @Autowired
    AccountSessions sessions;
    @Autowired
    AccountUserDetailsService users;
    @Autowired
    UserAccountRepository repository;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    SecurityContextHolderStrategy strategy;

    @AfterEach
    void signOut() {
        strategy.clearContext();
        SecurityContextHolder.clearContext();
    }

    @Test
    void endingAnAccountsSessionsEndsTheOnesThatBeganBeforeButNotALaterLogin() throws Exception {
        CurrentUser before = TestAccounts.signedInEarlier(people.learner("Sam Session"), Duration.ofSeconds(1));
        assertThat(sessions.isStillValid(before)).isTrue();

        sessions.endAllSessions(before.accountId());

        assertThat(sessions.isStillValid(before)).isFalse();
        CurrentUser again = users.loadUserByUsername(before.getUsername());
        assertThat(sessions.isStillValid(again)).as("a new login after the reset").isTrue();
    }

    @Test
    void aDeactivatedAccountsSessionEndsAndItsLoginIsRefusedLikeAWrongPassword() {
        CurrentUser user = people.learner("Sam Session");
        UserAccount account = repository.findById(user.accountId()).orElseThrow();
        account.setActive(false);
        repository.saveAndFlush(account);

        assertThat(sessions.isStillValid(user)).isFalse();
        CurrentUser login = users.loadUserByUsername(user.getUsername());
        assertThat(passwordEncoder.matches("calm-harbour-lantern", login.getPassword())).as("the right password no longer matches").isFalse();
    }

    @Test
    void theNextPageRequestOfAnEndedSessionGoesToTheLoginPageWithTheSessionInvalidated() throws Exception {
        CurrentUser user = TestAccounts.signedInEarlier(people.learner("Sam Session"), Duration.ofSeconds(1));
        sessions.endAllSessions(user.accountId());
        strategy.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        MockHttpSession session = new MockHttpSession();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setSession(session);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        new SessionValidityFilter(sessions, new org.springframework.beans.factory.support.StaticListableBeanFactory(
                java.util.Map.of("strategy", strategy)).getBeanProvider(SecurityContextHolderStrategy.class))
                .doFilter(request, response, chain);

        assertThat(session.isInvalid()).isTrue();
        assertThat(response.getRedirectedUrl()).isEqualTo("/login");
        assertThat(chain.getRequest()).as("the page is not served").isNull();
        assertThat(strategy.getContext().getAuthentication()).isNull();
    }

    @Test
    void aValidSessionPassesUntouched() throws Exception {
        CurrentUser user = people.learner("Sam Session");
        strategy.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        MockHttpSession session = new MockHttpSession();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setSession(session);
        MockFilterChain chain = new MockFilterChain();

        new SessionValidityFilter(sessions, new org.springframework.beans.factory.support.StaticListableBeanFactory(
                java.util.Map.of("strategy", strategy)).getBeanProvider(SecurityContextHolderStrategy.class))
                .doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(session.isInvalid()).isFalse();
        assertThat(chain.getRequest()).isSameAs(request);
    }
}
