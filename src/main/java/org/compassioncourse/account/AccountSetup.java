package org.compassioncourse.account;

import org.compassioncourse.security.Role;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
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
    private final ApplicationEventPublisher events;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy = new PasswordPolicy();

    AccountSetup(UserAccountRepository accounts, SetupLinks setupLinks, AccountSessions sessions, ApplicationEventPublisher events,
                 PasswordEncoder passwordEncoder) {
        this.accounts = accounts;
        this.setupLinks = setupLinks;
        this.sessions = sessions;
        this.events = events;
        this.passwordEncoder = passwordEncoder;
    }

    /** What the link sets up, if it can still be used. */
    @Transactional(readOnly = true)
    public Optional<SetupInvitation> invitation(String token) {
        return setupLinks.usable(token).flatMap(link -> accounts.findById(link.accountId())
                .filter(account -> canBeSetUp(account, link))
                .map(account -> new SetupInvitation(account.getEmail(), account.getDisplayName(),
                        account.isAdministrator() || isBootstrap(link), account.getRole(), link.expiresAt())));
    }

    private static boolean isBootstrap(SingleUseLink link) {
        return link.kind() == SingleUseLink.Kind.BOOTSTRAP_ADMINISTRATOR;
    }

    /**
     * Whether the link's account may still be set up through it: not erased, and active, except through the first
     * administrator's link (which reactivates the account when it is used). A first-administrator link stops working
     * once any administrator has set a password, as the setting itself does.
     */
    private boolean canBeSetUp(UserAccount account, SingleUseLink link) {
        if (account.getErasedAt() != null) {
            return false;
        }
        if (isBootstrap(link)) {
            return !accounts.existsByAdministratorTrueAndSetupPendingFalse();
        }
        return account.isActive();
    }

    /**
     * Sets the account's name and password through the link, which then stops working (as do the account's other
     * links). Any session of the account that is open elsewhere ends.
     *
     * @throws RegistrationException when the name or password breaks a rule (the link stays usable)
     * @throws AccountSetupException with {@link #LINK_NOT_USABLE} when the link is unknown, used or expired, or its
     *                                 account was deactivated or erased since
     */
    @Transactional
    public void completeSetup(String token, String displayName, String password) {
        SingleUseLink link = setupLinks.usable(token).orElseThrow(() -> new AccountSetupException(LINK_NOT_USABLE));
        UserAccount account = accounts.findById(link.accountId()).filter(a -> canBeSetUp(a, link))
                .orElseThrow(() -> new AccountSetupException(LINK_NOT_USABLE));
        String name;
        try {
            name = DisplayName.parse(displayName).value();
        } catch (InvalidValueException refused) {
            throw new RegistrationException(RegistrationException.Field.DISPLAY_NAME, refused.getMessage());
        }
        passwordPolicy.problemWith(password, account.getEmail(), name).ifPresent(problem -> {
            throw new RegistrationException(RegistrationException.Field.PASSWORD, problem);
        });
        boolean promoted = isBootstrap(link) && !account.isAdministrator();
        account.completeSetup(name, passwordEncoder.encode(password));
        if (isBootstrap(link)) {
            // only now, by whoever holds the link from the operator's log: the password set here replaces any the
            // account had, so a stranger who registered this email beforehand is locked out of it, not promoted
            account.setAdministrator(true);
            account.setActive(true);
        }
        accounts.saveAndFlush(account);
        setupLinks.use(link);
        sessions.endAllSessions(account.getId());
        if (promoted) {
            events.publishEvent(new BootstrapAdministratorStep(account.getId(),
                    "made administrator: the course.bootstrap-admin link was used and set a new password"));
        }
        LOG.info("Account #{} was set up through its {} link", account.getId(), link.kind());
    }

    /**
     * The first administrator, from {@code course.bootstrap-admin}: when no administrator who has set a password exists,
     * returns a new single-use setup link, valid for 24 hours, for the account with this email (creating it, as an
     * instructor with no usable password, if there is none; older links of the account stop working). The account
     * becomes administrator only when the link is used, and using it sets a new password: an account someone
     * registered with this email before the operator started the app keeps its role and is not promoted on its own
     * password (see {@link BootstrapLink#existingAccount()}). Does nothing once an administrator has set a password, so
     * the setting can stay in place; until then each start issues a new link (so an expired one is replaced by
     * restarting).
     */
    @Transactional
    Optional<BootstrapLink> bootstrapAdministrator(String email) {
        String normalized = EmailAddress.normalize(email);
        if (normalized.isEmpty() || accounts.existsByAdministratorTrueAndSetupPendingFalse()) {
            return Optional.empty();
        }
        try {
            EmailAddress.parse(normalized);
        } catch (InvalidValueException notAnAddress) {
            throw new IllegalArgumentException("course.bootstrap-admin must be an email address, such as it@hospital.org; it is '" + email + "'");
        }
        UserAccount account = accounts.findByEmail(normalized).orElse(null);
        String what;
        boolean existingAccount = false;
        if (account == null) {
            account = new UserAccount(normalized, nameUntilSetup(normalized),
                    setupLinks.unusablePasswordHash(), Role.INSTRUCTOR, setupLinks.now());
            account.awaitSetup(setupLinks.unusablePasswordHash());
            account = accounts.saveAndFlush(account);
            what = "account created as instructor; administrator once the link is used";
        } else if (account.getErasedAt() != null) {
            throw new IllegalArgumentException("course.bootstrap-admin names an erased account; choose another email");
        } else if (account.isSetupPending()) {
            what = "new setup link; administrator once the link is used";
        } else {
            // Someone already chose a password for this email, maybe not its owner (registration may be open). They are
            // not promoted: the account becomes administrator only through the link, which replaces the password.
            existingAccount = true;
            what = "an account with a password already has this email: not made administrator; the link makes it"
                    + " administrator and replaces its password";
        }
        SetupLink link = setupLinks.issue(account.getId(), SingleUseLink.Kind.BOOTSTRAP_ADMINISTRATOR, SetupLinks.BOOTSTRAP_VALIDITY);
        events.publishEvent(new BootstrapAdministratorStep(account.getId(),
                what + " (course.bootstrap-admin); link valid until " + link.expiresAt()));
        return Optional.of(new BootstrapLink(link, existingAccount));
    }

    /**
     * Creates an invited instructor's account (no usable password yet), or takes the one whose invitation was never
     * used, and returns a new single-use setup link, valid for 7 days; older links of the account stop working.
     *
     * @throws AccountSetupException when an account with a password has this email, or one was created at this moment
     */
    @Transactional
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public InvitedInstructor inviteInstructor(EmailAddress email) {
        String normalized = email.value();
        UserAccount account = accounts.findByEmail(normalized).orElse(null);
        if (account != null && !account.isSetupPending()) {
            throw new AccountSetupException("An account with this email already exists. To make it an instructor, change its role in the list.");
        }
        if (account == null) {
            try {
                account = accounts.saveAndFlush(new UserAccount(normalized, nameUntilSetup(normalized),
                        setupLinks.unusablePasswordHash(), Role.INSTRUCTOR, setupLinks.now()));
            } catch (DataIntegrityViolationException invitedTwiceAtOnce) {
                throw new AccountSetupException("An account with this email was created just now. Reload the list.");
            }
        }
        account.setRole(Role.INSTRUCTOR);
        account.awaitSetup(setupLinks.unusablePasswordHash());
        accounts.saveAndFlush(account);
        return new InvitedInstructor(account.getId(), setupLinks.issue(account.getId(),
                SingleUseLink.Kind.INSTRUCTOR_INVITATION, SetupLinks.INVITATION_VALIDITY));
    }

    /** The invited instructor's account and the link that sets it up. */
    public record InvitedInstructor(long accountId, SetupLink link) {
    }

    /** Until the invited person gives their name, the list shows the part of the email before the @. */
    static String nameUntilSetup(String email) {
        String local = email.substring(0, email.indexOf('@'));
        return local.length() > AccountService.MAX_DISPLAY_NAME ? local.substring(0, AccountService.MAX_DISPLAY_NAME) : local;
    }

    /**
     * The first administrator's link, and whether the email already belonged to an account with a password (which the
     * operator should know: whoever registered it is not made administrator, and loses the account to the link).
     */
    record BootstrapLink(SetupLink link, boolean existingAccount) {
        String url() {
            return link.url();
        }

        java.time.Instant expiresAt() {
            return link.expiresAt();
        }
    }
}
