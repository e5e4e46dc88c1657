package org.compassioncourse.account;

import org.compassioncourse.administration.AccountAdministration;
import org.compassioncourse.administration.AdministrationException;
import org.compassioncourse.administration.AuditAction;
import org.compassioncourse.administration.AuditRow;

import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.Role;

import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.Learners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What administrators do to accounts, who else may not, and that each change takes effect on the next request. */
@ApplicationTest
class AccountAdministrationTest {

    private static final String PASSWORD = Learners.PASSWORD;

    @Autowired
    AccountAdministration administration;
    @Autowired
    AccountSetup setup;
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
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static String email(String who) {
        return who + "-" + UUID.randomUUID() + "@ward7.example";
    }

    private CurrentUser administrator(String name) {
        return TestAccounts.makeAdministrator(repository, users, people.learner(name));
    }

    private static void as(CurrentUser user) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private boolean passwordWorks(String email, String password) {
        return passwordEncoder.matches(password, users.loadUserByUsername(email).getPassword());
    }

    private String token(SetupLink link) {
        return link.url().substring(link.url().lastIndexOf('/') + 1);
    }

    private AuditRow newestAuditEntry() {
        return administration.auditLog(0, 1).getFirst();
    }

    @Test
    void administratorHoldsTheAdministratorAuthorityBesideTheRole() {
        CurrentUser admin = administrator("Ada Admin");
        assertThat(admin.isAdministrator()).isTrue();
        assertThat(AuthorityUtils.authorityListToSet(admin.getAuthorities())).containsExactlyInAnyOrder("ROLE_LEARNER", "ROLE_ADMINISTRATOR");
        assertThat(AuthorityUtils.authorityListToSet(people.learner("Lou Learner").getAuthorities())).containsExactly("ROLE_LEARNER");
    }

    @Test
    void roleChangeEndsThePersonsSessionsSoTheNewRoleAppliesFromTheNextRequest() throws Exception {
        CurrentUser admin = administrator("Ada Admin");
        CurrentUser learner = TestAccounts.signedInEarlier(people.learner("Rita Role"), Duration.ofSeconds(1));
        assertThat(sessions.isStillValid(learner)).isTrue();
        as(admin);

        AccountRow row = administration.changeRole(learner.accountId(), Role.INSTRUCTOR, false);

        assertThat(row.role()).isEqualTo(Role.INSTRUCTOR);
        assertThat(sessions.isStillValid(learner)).as("the learner's open session ends on its next request").isFalse();
        CurrentUser again = users.loadUserByUsername(learner.getUsername());
        assertThat(again.isInstructor()).isTrue();
        assertThat(again.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_INSTRUCTOR");
        assertThat(sessions.isStillValid(again)).isTrue();
        AuditRow audit = newestAuditEntry();
        assertThat(audit.action()).isEqualTo(AuditAction.ROLE_CHANGE);
        assertThat(audit.actorId()).isEqualTo(admin.accountId());
        assertThat(audit.subjectId()).isEqualTo(learner.accountId());
        assertThat(audit.detail()).isEqualTo("learner → instructor");
    }

    @Test
    void deactivationEndsOpenSessionsAndRefusesLoginUntilReactivated() throws Exception {
        CurrentUser admin = administrator("Ada Admin");
        CurrentUser learner = people.learner("Dora Deactivated");
        as(admin);

        administration.deactivate(learner.accountId());

        assertThat(sessions.isStillValid(learner)).isFalse();
        assertThat(passwordWorks(learner.getUsername(), PASSWORD)).as("refused like a wrong password").isFalse();
        assertThat(newestAuditEntry().action()).isEqualTo(AuditAction.DEACTIVATE);

        administration.reactivate(learner.accountId());

        assertThat(passwordWorks(learner.getUsername(), PASSWORD)).isTrue();
        assertThat(newestAuditEntry().action()).isEqualTo(AuditAction.REACTIVATE);
        assertThat(newestAuditEntry().subjectId()).isEqualTo(learner.accountId());
    }

    @Test
    void anAdministratorIssuesAResetLinkForSomeoneWithoutWorkingEmailAndTheLogSaysSoWithoutTheLink() {
        CurrentUser admin = administrator("Ada Admin");
        CurrentUser learner = people.learner("Nell No-Email");
        as(admin);

        String link = administration.issuePasswordResetLink(learner.accountId());

        assertThat(link).contains("/reset/");
        AuditRow entry = newestAuditEntry();
        assertThat(entry.action()).isEqualTo(AuditAction.ISSUE_RESET_LINK);
        assertThat(entry.toString()).doesNotContain(link.substring(link.lastIndexOf('/') + 1));
        as(learner);
        assertThatThrownBy(() -> administration.issuePasswordResetLink(learner.accountId()))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void anAdministratorCannotDeactivateThemselves() {
        CurrentUser admin = administrator("Ada Admin");
        as(admin);
        assertThatThrownBy(() -> administration.deactivate(admin.accountId()))
                .isInstanceOf(AdministrationException.class).hasMessageContaining("your own account");
        assertThat(repository.findById(admin.accountId()).orElseThrow().isActive()).isTrue();
    }

    @Test
    void theLastActiveAdministratorCannotLoseTheRole() {
        CurrentUser admin = administrator("Ada Admin");
        CurrentUser other = administrator("Otto Other");
        // every other administrator of the shared test database is set aside for this test
        List<Long> setAside = jdbc.queryForList("select id from user_account where administrator and active and id <> ?",
                Long.class, admin.accountId());
        try {
            jdbc.update("update user_account set active = false where administrator and id <> ?", admin.accountId());
            as(admin);
            assertThatThrownBy(() -> administration.changeRole(admin.accountId(), Role.LEARNER, false))
                    .isInstanceOf(AdministrationException.class).hasMessageContaining("last active administrator");
            assertThat(repository.findById(admin.accountId()).orElseThrow().isAdministrator()).isTrue();

            administration.reactivate(other.accountId());
            administration.changeRole(admin.accountId(), Role.LEARNER, false);
            assertThat(repository.findById(admin.accountId()).orElseThrow().isAdministrator()).as("with another one it may").isFalse();
        } finally {
            for (Long id : setAside) {
                jdbc.update("update user_account set active = true where id = ?", id);
            }
        }
    }

    @Test
    void invitedInstructorSetsAPasswordThroughTheLinkOnceAndLogsInAsInstructor() {
        CurrentUser admin = administrator("Ada Admin");
        String invited = email("invited");
        as(admin);

        SetupLink link = administration.inviteInstructor(invited.toUpperCase());

        assertThat(link.url()).startsWith("http://localhost:8080/setup/");
        assertThat(jdbc.queryForObject("select count(*) from single_use_link where token_hash = ?", Long.class, token(link)))
                .as("only the hash of the token is stored").isZero();
        assertThat(newestAuditEntry().action()).isEqualTo(AuditAction.INVITE_INSTRUCTOR);
        SecurityContextHolder.clearContext();
        assertThat(setup.invitation(token(link))).get().satisfies(invitation -> {
            assertThat(invitation.email()).isEqualTo(invited);
            assertThat(invitation.role()).isEqualTo(Role.INSTRUCTOR);
        });
        assertThat(passwordWorks(invited, "")).isFalse();

        setup.completeSetup(token(link), "Ivo Invited", "amber-kettle-orchard");

        CurrentUser instructor = users.loadUserByUsername(invited);
        assertThat(passwordEncoder.matches("amber-kettle-orchard", instructor.getPassword())).isTrue();
        assertThat(instructor.isInstructor()).isTrue();
        assertThat(instructor.displayName()).isEqualTo("Ivo Invited");
        assertThat(setup.invitation(token(link))).as("used once").isEmpty();
        assertThatThrownBy(() -> setup.completeSetup(token(link), "Mallory", "another-kettle-orchard"))
                .isInstanceOf(AccountSetupException.class).hasMessage(AccountSetup.LINK_NOT_USABLE);
        assertThat(passwordWorks(invited, "amber-kettle-orchard")).isTrue();
    }

    @Test
    void aWeakPasswordIsRefusedAndTheLinkStaysUsable() {
        as(administrator("Ada Admin"));
        SetupLink link = administration.inviteInstructor(email("weak"));
        SecurityContextHolder.clearContext();

        assertThatThrownBy(() -> setup.completeSetup(token(link), "Wes Weak", "password1"))
                .isInstanceOf(RegistrationException.class).hasMessageContaining("commonly used");
        assertThat(setup.invitation(token(link))).isPresent();
    }

    @Test
    void reinvitingAnUnusedInvitationVoidsTheOldLinkButAnExistingAccountIsNotInvited() {
        CurrentUser admin = administrator("Ada Admin");
        String invited = email("twice");
        as(admin);
        SetupLink first = administration.inviteInstructor(invited);
        SetupLink second = administration.inviteInstructor(invited);

        assertThat(setup.invitation(token(first))).isEmpty();
        assertThat(setup.invitation(token(second))).isPresent();
        long invitedId = repository.findByEmail(invited).orElseThrow().getId();
        administration.deactivate(invitedId);
        assertThat(setup.invitation(token(second))).as("a deactivated invitee's link stops working").isEmpty();
        administration.reactivate(invitedId);
        assertThat(setup.invitation(token(second))).isPresent();
        CurrentUser learner = people.learner("Lea Existing");
        assertThatThrownBy(() -> administration.inviteInstructor(learner.getUsername()))
                .isInstanceOf(AdministrationException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> administration.inviteInstructor("not an email"))
                .isInstanceOf(AdministrationException.class).hasMessageContaining("valid email");
    }

    @Test
    void theListIsFilteredByNameOrEmailRoleAndStatusAndPagedAndSortedByTheDatabase() {
        CurrentUser admin = administrator("Ada Admin");
        String tag = "zq" + UUID.randomUUID().toString().substring(0, 8);
        CurrentUser b = people.learner("Bea " + tag);
        CurrentUser a = people.learner("Abe " + tag);
        CurrentUser c = people.instructor("Cy " + tag);
        as(admin);
        administration.deactivate(b.accountId());

        AccountFilter byName = new AccountFilter(tag.toUpperCase(), null, null);
        assertThat(administration.countAccounts(byName)).isEqualTo(3);
        assertThat(administration.accounts(byName, 0, 10, List.of(new AccountSort(AccountSort.Field.NAME, true))))
                .extracting(AccountRow::id).containsExactly(a.accountId(), b.accountId(), c.accountId());
        assertThat(administration.accounts(byName, 1, 1, List.of(new AccountSort(AccountSort.Field.NAME, false))))
                .extracting(AccountRow::id).containsExactly(b.accountId());
        assertThat(administration.accounts(new AccountFilter(c.getUsername(), null, null), 0, 10, List.of()))
                .extracting(AccountRow::id).containsExactly(c.accountId());
        assertThat(administration.accounts(new AccountFilter(tag, AccountFilter.RoleFilter.INSTRUCTOR, null), 0, 10, List.of()))
                .extracting(AccountRow::id).containsExactly(c.accountId());
        assertThat(administration.accounts(new AccountFilter(tag, AccountFilter.RoleFilter.LEARNER, AccountFilter.Status.DEACTIVATED), 0, 10, List.of()))
                .extracting(AccountRow::id).containsExactly(b.accountId());
        assertThat(administration.countAccounts(new AccountFilter(tag, null, AccountFilter.Status.ACTIVE))).isEqualTo(2);
        assertThat(administration.countAccounts(new AccountFilter("100%_" + tag, null, null))).as("% and _ are literal").isZero();
        assertThat(administration.countAccounts(new AccountFilter(null, AccountFilter.RoleFilter.ADMINISTRATOR, null))).isPositive();
    }

    @Test
    void nobodyButAnAdministratorMayCallAnyOfIt() {
        CurrentUser learner = people.learner("Lou Learner");
        CurrentUser instructor = people.instructor("Ina Instructor");
        CurrentUser admin = administrator("Ada Admin");
        long target = people.learner("Tess Target").accountId();
        Map<String, Executable> calls = Map.ofEntries(
                Map.entry("issuePasswordResetLink", () -> administration.issuePasswordResetLink(target)),
                Map.entry("countAccounts", () -> administration.countAccounts(AccountFilter.ALL)),
                Map.entry("accounts", () -> administration.accounts(AccountFilter.ALL, 0, 10, List.of())),
                Map.entry("changeRole", () -> administration.changeRole(target, Role.INSTRUCTOR, true)),
                Map.entry("inviteInstructor", () -> administration.inviteInstructor(email("nope"))),
                Map.entry("deactivate", () -> administration.deactivate(target)),
                Map.entry("reactivate", () -> administration.reactivate(target)),
                Map.entry("erase", () -> administration.erase(target)),
                Map.entry("countAuditEntries", () -> administration.countAuditEntries()),
                Map.entry("auditLog", () -> administration.auditLog(0, 10)));
        assertThat(calls.keySet()).as("every public method is tried")
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(AccountAdministration.class.getDeclaredMethods())
                        .filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers())).map(java.lang.reflect.Method::getName).toList());
        for (var call : calls.entrySet()) {
            for (CurrentUser notAdmin : List.of(learner, instructor)) {
                as(notAdmin);
                assertThrows(org.springframework.security.access.AccessDeniedException.class, call.getValue(), call.getKey() + " as " + notAdmin.role());
            }
            SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymous",
                    AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
            assertThrows(org.springframework.security.access.AccessDeniedException.class, call.getValue(), call.getKey() + " anonymously");
            SecurityContextHolder.clearContext();
            assertThrows(org.springframework.security.core.AuthenticationException.class, call.getValue(), call.getKey() + " with no one signed in");
        }
        as(admin);
        assertThat(repository.findById(target).orElseThrow().getRole()).as("nothing was changed").isEqualTo(Role.LEARNER);
        administration.countAccounts(AccountFilter.ALL);
    }

    @Test
    void theAuditLogNamesWhoDidWhatToWhomNewestFirstAndOffersNoWayToChangeIt() throws ClassNotFoundException {
        CurrentUser admin = administrator("Ada Auditor");
        CurrentUser learner = people.learner("Lars Logged");
        as(admin);
        administration.deactivate(learner.accountId());
        administration.reactivate(learner.accountId());

        List<AuditRow> page = administration.auditLog(0, 2);
        assertThat(page).extracting(AuditRow::action).containsExactly(AuditAction.REACTIVATE, AuditAction.DEACTIVATE);
        assertThat(page.getFirst().actorLabel()).isEqualTo("Ada Auditor (#" + admin.accountId() + ")");
        assertThat(page.getFirst().subjectLabel()).isEqualTo("Lars Logged <" + learner.getUsername() + "> (#" + learner.accountId() + ")");
        assertThat(administration.countAuditEntries()).isGreaterThanOrEqualTo(2);
        assertThat(Arrays.stream(Class.forName("org.compassioncourse.administration.AuditLogRepository").getMethods()).map(java.lang.reflect.Method::getName))
                .as("the repository can add and read, not update or delete").containsExactlyInAnyOrder("save", "count");
        assertThat(Arrays.stream(Class.forName("org.compassioncourse.administration.AuditEntry").getDeclaredMethods()).map(java.lang.reflect.Method::getName))
                .noneMatch(name -> name.startsWith("set"));
    }
}
