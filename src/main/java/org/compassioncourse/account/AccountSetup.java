package org.compassioncourse.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * Setting up an account through a single-use link (an instructor invitation or the first administrator's link), and
 * the bootstrap of that first administrator. The link itself is the permission: no sign-in needed, and a link that
 * is unknown, used or expired is refused with one and the same message.
 */
@Service
public class AccountSetup {

    public static final String LINK_NOT_USABLE =
            "This link has expired or has already been used. Ask an administrator for a new one.";
    private static final Logger LOG = LoggerFactory.getLogger(AccountSetup.class);

    private final UserAccountRepository accounts;
    private final SetupLinks setupLinks;
    private final AccountSessions sessions;
    private final AuditLog auditLog;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy = new PasswordPolicy();

    AccountSetup(UserAccountRepository accounts, SetupLinks setupLinks, AccountSessions sessions, AuditLog auditLog,
                 PasswordEncoder passwordEncoder) {
        this.accounts = accounts;
        this.setupLinks = setupLinks;
        this.sessions = sessions;
        this.auditLog = auditLog;
        this.passwordEncoder = passwordEncoder;
    }

    /** What the link sets up, if it can still be used. */
    @Transactional(readOnly = true)
    public Optional<SetupInvitation> invitation(String token) {
        return setupLinks.usable(token).flatMap(link -> accounts.findById(link.accountId())
                .filter(account -> account.getErasedAt() == null && account.isActive())
                .map(account -> new SetupInvitation(account.getEmail(), account.getDisplayName(), account.isAdministrator(),
                        account.getRole(), link.expiresAt())));
    }

    /**
     * Sets the account's name and password through the link, which then stops working (as do the account's other
     * links). Any session of the account that is open elsewhere ends.
     *
     * @throws RegistrationException when the name or password breaks a rule (the link stays usable)
     * @throws AdministrationException with {@link #LINK_NOT_USABLE} when the link is unknown, used or expired, or its
     *                                 account was deactivated or erased since
     */
    @Transactional
    public void completeSetup(String token, String displayName, String password) {
        AccountSetupToken link = setupLinks.usable(token).orElseThrow(() -> new AdministrationException(LINK_NOT_USABLE));
        UserAccount account = accounts.findById(link.accountId()).filter(a -> a.getErasedAt() == null && a.isActive())
                .orElseThrow(() -> new AdministrationException(LINK_NOT_USABLE));
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty()) {
            throw new RegistrationException(RegistrationException.Field.DISPLAY_NAME, "Enter the name other people in the course will see.");
        }
        if (name.length() > AccountService.MAX_DISPLAY_NAME) {
            throw new RegistrationException(RegistrationException.Field.DISPLAY_NAME,
                    "Use at most " + AccountService.MAX_DISPLAY_NAME + " characters for your name.");
        }
        passwordPolicy.problemWith(password, account.getEmail(), name).ifPresent(problem -> {
            throw new RegistrationException(RegistrationException.Field.PASSWORD, problem);
        });
        account.completeSetup(name, passwordEncoder.encode(password));
        accounts.saveAndFlush(account);
        setupLinks.use(link);
        sessions.endAllSessions(account.getId());
        LOG.info("Account #{} was set up through its {} link", account.getId(), link.purpose());
    }

    /**
     * The first administrator, from {@code course.bootstrap-admin}: when no administrator who has set a password exists,
     * makes the account with this email an administrator (creating it, as an instructor, if there is none) and returns
     * a new single-use setup link valid for 24 hours (older links of the account stop working). Does nothing once an
     * administrator has set a password, so the setting can stay in place; until then each start issues a new link
     * (so an expired one is replaced by restarting).
     */
    @Transactional
    Optional<SetupLink> bootstrapAdministrator(String email) {
        String normalized = AccountService.normalizeEmail(email);
        if (normalized.isEmpty() || accounts.existsByAdministratorTrueAndSetupPendingFalse()) {
            return Optional.empty();
        }
        if (normalized.length() > AccountService.MAX_EMAIL || !AccountService.EMAIL.matcher(normalized).matches()) {
            throw new IllegalArgumentException("course.bootstrap-admin must be an email address, such as it@hospital.org; it is '" + email + "'");
        }
        UserAccount account = accounts.findByEmail(normalized).orElse(null);
        String what;
        if (account == null) {
            account = new UserAccount(normalized, AccountAdministration.nameUntilSetup(normalized),
                    setupLinks.unusablePasswordHash(), Role.INSTRUCTOR, setupLinks.now());
            account.awaitSetup(setupLinks.unusablePasswordHash());
            what = "created as instructor and administrator";
        } else if (account.getErasedAt() != null) {
            throw new IllegalArgumentException("course.bootstrap-admin names an erased account; choose another email");
        } else if (account.isSetupPending()) {
            what = account.isAdministrator() ? "new setup link (the previous one was not used)" : "made administrator";
        } else {
            // someone who already has a password keeps it (the link lets them set a new one); their sessions end so
            // that the new authority applies from their next login
            what = "existing account made administrator";
        }
        account.setAdministrator(true);
        account.setActive(true);
        account = accounts.saveAndFlush(account);
        sessions.endAllSessions(account.getId());
        SetupLink link = setupLinks.issue(account.getId(), AccountSetupToken.Purpose.BOOTSTRAP_ADMINISTRATOR, SetupLinks.BOOTSTRAP_VALIDITY);
        auditLog.record(null, AuditAction.BOOTSTRAP_ADMINISTRATOR, account.getId(),
                what + " by course.bootstrap-admin; link valid until " + link.expiresAt());
        return Optional.of(link);
    }
}
